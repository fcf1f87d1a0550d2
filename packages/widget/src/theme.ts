// Per-mount theme: custom properties in a generated stylesheet rule (never inline styles, which a
// strict CSP blocks). Values are validated here because they are spliced into CSS text.
import type { WidgetTheme } from "./types.js";

const DEFAULT_ACCENT = "#4f46e5";
const DARK = "--bg:#1f2937;--fg:#f9fafb;--mu:#d1d5db;--bo:#9ca3af;color-scheme:dark";

const linear = (channel: number) => {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

/** Relative luminance (WCAG 2) of `#rrggbb`. */
export function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  return 0.2126 * linear(n >> 16) + 0.7152 * linear((n >> 8) & 255) + 0.0722 * linear(n & 255);
}

/** Black or white text on the accent: whichever contrasts more (the better one is always ≥ 4.58:1). */
export const textOn = (accent: string) =>
  // At luminance ≈ 0.179 both contrast equally; above it black reads better.
  luminance(accent) > 0.179 ? "#000" : "#fff";

export function themeCss(theme: WidgetTheme = {}): string {
  const given = theme.accent ?? "";
  const accent = /^#([\da-f]{3}){1,2}$/i.test(given) ? given.replace(/^#(.)(.)(.)$/, "#$1$1$2$2$3$3") : DEFAULT_ACCENT;
  let vars = `--a:${accent};--on:${textOn(accent)}`;
  if (theme.radius! >= 0) /* not undefined, NaN or negative */ vars += `;--r:${+theme.radius!}px`;
  // Font names only: no characters that could end the declaration or the rule.
  if (theme.font) vars += `;font-family:${theme.font.replace(/[;{}<>\\]/g, "")}`;
  const dark =
    theme.mode === "dark"
      ? `.w{${DARK}}`
      : theme.mode === "light"
        ? ""
        : `@media(prefers-color-scheme:dark){.w{${DARK}}}`;
  return `${dark}.w{${vars}}`;
}
