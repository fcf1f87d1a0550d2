// The widget's stylesheet, kept compact by hand (it ships as a string). Rules:
// - `:host` resets with !important: inside-shadow !important beats the page's !important, so
//   `* { all: unset !important }` on the page cannot hide or restyle the host element.
// - px only (rem follows the page's `html { font-size }`); custom properties live on `.w`, inside
//   the shadow tree, where page CSS cannot reach them.
// - Light colours below and dark ones in theme.ts are chosen for ≥ 4.5:1 text and ≥ 3:1 borders
//   and focus rings; the focus ring uses the text colour so any accent stays accessible.
export const CSS =
  ":host{all:initial!important;display:block!important;position:fixed!important;top:0!important;left:0!important;width:0!important;height:0!important;z-index:2147483000!important}" +
  ".w{--bg:#fff;--fg:#111827;--mu:#4b5563;--bo:#6b7280;--hv:#f3f4f6;--r:12px;--f:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color-scheme:light;font:15px/1.45 var(--f);color:var(--fg);text-align:start}" +
  ".d{position:fixed;bottom:16px;right:16px;box-sizing:border-box;width:384px;max-width:calc(100vw - 16px);max-height:calc(100vh - 16px);overflow:auto;padding:20px;background:var(--bg);border:1px solid var(--bo);border-radius:var(--r);box-shadow:0 12px 32px rgba(0,0,0,.3)}" +
  ".bl .d{right:auto;left:16px}.c .d{bottom:auto;top:50%;left:50%;translate:-50% -50%}" +
  ".bd{position:fixed;inset:0;background:rgba(0,0,0,.5)}" +
  ".d:focus{outline:0}h2{margin:0 0 16px;margin-inline-end:32px;font-size:17px;font-weight:600;line-height:1.35}" +
  "button,textarea{box-sizing:border-box;margin:0;font:inherit;color:inherit;background:var(--bg);border:1px solid var(--bo);border-radius:calc(var(--r)/2)}" +
  "button{cursor:pointer;min-width:24px;min-height:24px}button:hover{background:var(--hv)}" +
  ":focus-visible{outline:2px solid var(--fg);outline-offset:2px}" +
  ".s{display:flex;gap:2px}.s button{flex:1 0 24px;height:40px;padding:0;font-weight:600}" +
  "[aria-pressed=true],.snd{background:var(--a)!important;color:var(--on);border-color:var(--a)}" +
  ".l{display:flex;justify-content:space-between;gap:16px;margin-top:6px;font-size:13px;color:var(--mu)}" +
  "label{display:block;margin:20px 0 8px;font-weight:600}" +
  "textarea{display:block;width:100%;min-height:88px;padding:8px 10px;resize:vertical}" +
  ".f{display:flex;align-items:center;justify-content:space-between;margin-top:12px;color:var(--mu);font-size:13px}" +
  ".snd{padding:8px 20px;font-weight:600}" +
  ".x{position:absolute;top:12px;inset-inline-end:12px;width:32px;height:32px;padding:7px;border:0;background:none}" +
  ".x svg{display:block;stroke:currentColor;stroke-width:2;fill:none}" +
  ".sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}" +
  "[role=status] p{margin:0;margin-inline-end:32px;font-size:17px;font-weight:600}" +
  "@media(max-width:400px){.d,.bl .d{left:8px;right:8px;bottom:8px;width:auto;max-width:none;padding:16px 12px}.c .d{translate:0 -50%}}" +
  "@media(prefers-reduced-motion:no-preference){.d{animation:in .2s ease-out}@keyframes in{from{opacity:0;transform:translateY(8px)}}}";
