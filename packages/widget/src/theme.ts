// Per-mount theme: custom properties in a generated stylesheet rule (never inline styles, which a
// strict CSP blocks). Values are validated here because they are spliced into CSS text.
import type { WidgetTheme } from "./types.js";

const DEFAULT_ACCENT = "#4f46e5";
const DARK = "--bg:#1f2937;--fg:#f9fafb;--mu:#d1d5db;--bo:#9ca3af;--hv:#374151;color-scheme:dark";

/** Relative luminance (WCAG 2) of `#rgb` / `#rrggbb`. */
export function luminance(hex: string): number {
  const h = hex.length === 4 ? hex.replace(/\w/g, "$&$&") : hex;
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(h.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** White or black, whichever contrasts more with the accent (the better of the two is always ≥ 4.58:1). */
export function textOn(accent: string): string {
  const l = luminance(accent);
  return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? "#000" : "#fff";
}

export function themeCss(theme: WidgetTheme = {}): string {
  const accent = /^#([\da-f]{3}){1,2}$/i.test(theme.accent ?? "") ? theme.accent! : DEFAULT_ACCENT;
  let vars = `--a:${accent};--on:${textOn(accent)}`;
  if (theme.radius! >= 0) vars += `;--r:${Math.min(+theme.radius!, 24)}px`;
  // Font names only: no characters that could end the declaration or the rule.
  if (theme.font) vars += `;--f:${theme.font.replace(/[;{}<>\\]/g, "")}`;
  const dark = theme.mode === "dark" ? `.w{${DARK}}` : theme.mode === "light" ? "" : `@media(prefers-color-scheme:dark){.w{${DARK}}}`;
  return `${dark}.w{${vars}}`;
}
