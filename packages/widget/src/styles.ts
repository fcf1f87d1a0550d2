// The widget's stylesheet, kept compact by hand (it ships as a string). Rules:
// - `:host` resets with !important: inside-shadow !important beats the page's !important, so
//   `* { all: unset !important }` on the page cannot hide or restyle the host element.
// - Sizes in em from one base: the person's default font size (`medium`, which the `:host` reset
//   gives), or the page's root font size if that is larger, as far as the viewport allows (8vw).
//   So `html { font-size: 200% }` grows the survey and `html { font-size: 62.5% }` does not shrink
//   it. px only for minimum target sizes and shadows. Custom properties live on `.w`, inside the
//   shadow tree, where page CSS cannot reach them.
// - Reflow: the dialog is never wider than the viewport (margins, padding and gaps shrink with it);
//   below 21em wide (a phone, 400% zoom, a large font) the scale's two halves become two rows,
//   so six 24 px targets fit in a row down to 180 CSS px; words wrap, even long ones.
// - Light colours below and dark ones in theme.ts are chosen for ≥ 4.5:1 text and ≥ 3:1 borders.
//   Focus rings are CanvasText: the text colour of the light or dark scheme (≥ 3:1 on either
//   background, whatever the accent) and the system text colour in forced colors.
// - Forced colors (Windows high contrast) repaint everything in the person's system colours,
//   except the picked score (which would otherwise look unpicked) and Send: they keep the accent
//   and the text colour chosen for it.
export const CSS =
  ":host{all:initial!important;position:fixed!important;z-index:2147483000!important}*{box-sizing:border-box}" +
  ".w{--bg:#fff;--fg:#111827;--mu:#4b5563;--bo:#6b7280;--r:12px;--m:min(16px,2vw);color-scheme:light;" +
  "font:max(1em,min(1rem,8vw))/1.45 system-ui,sans-serif;color:var(--fg);overflow-wrap:anywhere}" +
  ".bottom-left .d{right:auto;left:var(--m)}.center .d{bottom:auto;top:50%;left:50%;translate:-50% -50%}.bd{position:fixed;inset:0;background:#0008}" +
  "h2,p{margin:0;margin-inline-end:2em;font-size:1.125em;font-weight:600}" +
  "button,textarea{font:inherit;color:inherit;background:var(--bg);border:1px solid var(--bo);border-radius:calc(var(--r)/2)}" +
  "button{cursor:pointer;font-weight:600}button:hover{border-color:var(--fg)}:focus-visible{outline:2px solid CanvasText;outline-offset:2px}" +
  // After :focus-visible, to override it: no ring on the dialog itself, which takes focus only to be
  // announced (it is not a control); Chromium would draw one for pointer users too. Controls get one.
  ".d{position:fixed;bottom:var(--m);right:var(--m);width:min(25em,100% - 2*var(--m));max-height:calc(100% - 2*var(--m));overflow:auto;" +
  "padding:min(1.25em,4vw);background:var(--bg);border:1px solid #8885;border-radius:var(--r);box-shadow:0 12px 32px #0005;outline:0;container-type:inline-size}" +
  ".s{display:flex;gap:min(.25em,1vw);margin-top:1em}.s div,.s i{display:contents}.s button,.s i{flex:1 0 0;min-width:24px;height:2.5em;padding:0}" +
  "@container(max-width:21em){.s{flex-direction:column}.s div,.s i{display:flex;gap:inherit}.s button{font-size:min(1em,9vw)}}" +
  "[aria-pressed=true],.snd{background:var(--a);color:var(--on);border-color:var(--a);forced-color-adjust:none}" +
  ".l,.f{display:flex;justify-content:space-between;align-items:center;gap:1em;margin-top:.4em;font-size:.875em;color:var(--mu)}" +
  "label{display:block;margin:1.25em 0 .5em;font-weight:600}textarea{display:block;width:100%;min-height:5.5em;padding:.5em;resize:vertical}" +
  ".snd{padding:.5em 1.25em}.f{flex-flow:wrap;white-space:nowrap}" +
  ".x{position:absolute;top:.4em;inset-inline-end:.4em;width:1.25em;height:1.25em;padding:0;border:0;background:none;font-size:1.5em;line-height:1}" +
  ".sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}" +
  "@media(prefers-reduced-motion:no-preference){.d{animation:in .2s ease-out}@keyframes in{from{opacity:0;transform:translateY(8px)}}}";
