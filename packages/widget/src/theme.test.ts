import { expect, test } from "vitest";
import { CSS } from "./styles.js";
import { luminance, textOn, themeCss } from "./theme.js";

const long = (hex: string) => hex.replace(/^#(.)(.)(.)$/, "#$1$1$2$2$3$3");
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(long(a)), luminance(long(b))].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};
const vars = (css: string) =>
  Object.fromEntries([...css.matchAll(/(--\w+):(#[\da-f]{3,6})/g)].map((m) => [m[1], m[2]]));

test("text on any accent contrasts at least 4.5:1", () => {
  const samples = [
    "#4f46e5",
    "#ffffff",
    "#000000",
    "#777777",
    "#ff0000",
    "#00ff00",
    "#0000ff",
    "#ffcc00",
    "#0ea5e9",
    "#16a34a",
  ];
  for (let grey = 0; grey < 256; grey += 5) samples.push(`#${grey.toString(16).padStart(2, "0").repeat(3)}`);
  for (const accent of samples) expect(contrast(accent, textOn(accent)), accent).toBeGreaterThanOrEqual(4.5);
});

test("palettes: text ≥ 4.5:1, borders and focus rings ≥ 3:1, in light and dark", () => {
  const light = vars(CSS);
  const dark = vars(themeCss({ mode: "dark" }));
  for (const p of [light, dark]) {
    expect(contrast(p["--fg"]!, p["--bg"]!)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(p["--mu"]!, p["--bg"]!)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(p["--bo"]!, p["--bg"]!)).toBeGreaterThanOrEqual(3);
  }
});

test("accent: valid hex is used (short form expanded), anything else falls back", () => {
  expect(themeCss({ accent: "#0af" })).toContain("--a:#00aaff;--on:#000");
  expect(themeCss({ accent: "#111111" })).toContain("--a:#111111;--on:#fff");
  for (const accent of ["red", "#12345", "#fff;}*{display:none}", "url(x)"])
    expect(themeCss({ accent })).toContain("--a:#4f46e5;");
});

test("font and radius cannot break out of the rule", () => {
  const css = themeCss({ font: "Inter;}*{display:none}</style>", radius: 6 });
  expect(css).toContain("--r:6px");
  expect(css).not.toMatch(/[<>]|\}\*|;\}\*/);
  expect(css.match(/\{/g)).toHaveLength(css.match(/\}/g)!.length);
});

test("modes: dark always, auto by media query, light never", () => {
  expect(themeCss({ mode: "dark" })).toMatch(/^\.w\{--bg:#1f2937/);
  expect(themeCss({ mode: "auto" })).toContain("@media(prefers-color-scheme:dark){.w{--bg:#1f2937");
  expect(themeCss({})).toContain("@media(prefers-color-scheme:dark)");
  expect(themeCss({ mode: "light" })).not.toContain("#1f2937");
});
