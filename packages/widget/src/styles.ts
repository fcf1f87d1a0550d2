// The widget's stylesheet, kept compact by hand (it ships as a string). Rules:
// - `:host` resets with !important: inside-shadow !important beats the page's !important, so
//   `* { all: unset !important }` on the page cannot hide or restyle the host element.
// - px only (rem follows the page's `html { font-size }`); custom properties live on `.w`, inside
//   the shadow tree, where page CSS cannot reach them.
// - Light colours below and dark ones in theme.ts are chosen for ≥ 4.5:1 text and ≥ 3:1 borders
//   and focus rings; the focus ring uses the text colour so any accent stays accessible.
// - The picked score keeps its accent in forced-colors mode, where it would otherwise look unpicked.
export const CSS =
  ":host{all:initial!important;position:fixed!important;z-index:2147483000!important}*{box-sizing:border-box}" +
  ".w{--bg:#fff;--fg:#111827;--mu:#4b5563;--bo:#6b7280;--r:12px;color-scheme:light;font-size:15px;line-height:1.45;color:var(--fg)}" +
  ".d{position:fixed;bottom:16px;right:16px;width:400px;max-width:calc(100vw - 16px);max-height:calc(100vh - 16px);overflow:auto;padding:20px;background:var(--bg);border:1px solid #8885;border-radius:var(--r);box-shadow:0 12px 32px #0005}" +
  ".bottom-left .d{right:auto;left:16px}.center .d{bottom:auto;top:50%;left:50%;translate:-50% -50%}.bd{position:fixed;inset:0;background:#0008}" +
  ".d:focus{outline:0}h2,p{margin:0;margin-inline-end:32px;font-size:17px;font-weight:600;line-height:1.35}" +
  "button,textarea{font:inherit;color:inherit;background:var(--bg);border:1px solid var(--bo);border-radius:calc(var(--r)/2)}" +
  "button{cursor:pointer;font-weight:600}button:hover{border-color:var(--fg)}:focus-visible{outline:2px solid var(--fg);outline-offset:2px}" +
  ".s{display:flex;gap:4px;margin-top:16px}.s button{flex:1 0 24px;height:40px;padding:0}" +
  "[aria-pressed=true],.snd{background:var(--a)!important;color:var(--on);border-color:var(--a);forced-color-adjust:none}" +
  ".l,.f{display:flex;justify-content:space-between;align-items:center;gap:16px;margin-top:6px;font-size:13px;color:var(--mu)}" +
  "label{display:block;margin:20px 0 8px;font-weight:600}textarea{display:block;width:100%;min-height:88px;padding:8px 10px;resize:vertical}" +
  ".snd{padding:8px 20px}" +
  ".x{position:absolute;top:12px;inset-inline-end:12px;width:32px;height:32px;padding:0;border:0;background:none;font:24px/1 sans-serif}" +
  ".sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}" +
  "@media(max-width:400px){.d,.bottom-left .d{left:8px;right:8px;bottom:8px;width:auto;max-width:none;padding:16px 12px}.s{gap:2px}.center .d{translate:0 -50%}}" +
  "@media(prefers-reduced-motion:no-preference){.d{animation:in .2s ease-out}@keyframes in{from{opacity:0;transform:translateY(8px)}}}";
