// Server-rendered SVG charts: no script, no external asset, readable without colour (labels).
// Colours come from the stylesheet's classes, so they follow light and dark mode.
import type { NpsSummary, TrendPoint } from "@npskit/insights";
import { html, type Html } from "./html.js";
import { interval, percent, signed } from "./format.js";

/** Promoter / passive / detractor split as one horizontal bar with a text legend. */
export function splitBar(s: NpsSummary): Html {
  const parts = [
    { key: "promoter", label: "Promoters", n: s.promoters },
    { key: "passive", label: "Passives", n: s.passives },
    { key: "detractor", label: "Detractors", n: s.detractors },
  ] as const;
  let x = 0;
  const rects = parts.map((p) => {
    const width = s.total ? (p.n * 100) / s.total : 0;
    const rect = html`<rect x="${x}%" y="0" width="${width}%" height="100%" class="fill-${p.key}"><title>${p.label}: ${p.n}</title></rect>`;
    x += width;
    return rect;
  });
  const legend = parts.map(
    (p) =>
      html`<li><span class="swatch ${p.key}"></span>${p.label} <strong>${percent(p.n, s.total)}</strong> <span class="muted">(${p.n})</span></li>`,
  );
  return html`<svg class="split" role="img" aria-label="${parts.map((p) => `${p.label} ${percent(p.n, s.total)}`).join(", ")}" width="100%" height="20" preserveAspectRatio="none">${rects}</svg>
    <ul class="legend">${legend}</ul>`;
}

/** A chart size: drawn twice, wide and narrow, so its text stays 11 px or more on any screen (CSS picks one). */
export interface ChartSize {
  name: "wide" | "narrow";
  width: number;
  height: number;
  /** Text size in chart units: the narrow chart is shown at about its own width, the wide one at 0.7× or more. */
  font: number;
  /** Most period labels on the x axis. */
  labels: number;
}

export const WIDE: ChartSize = { name: "wide", width: 960, height: 300, font: 16, labels: 8 };
export const NARROW: ChartSize = { name: "narrow", width: 340, height: 250, font: 12, labels: 3 };

/**
 * NPS per period on a −100..100 axis, each point with its 95% interval (whisker, and a band to
 * the next point). Periods under the minimum number of answers are tentative: hollow point,
 * hatched band, dashed line, and an "n=…" label when there is room.
 */
export function trendChart(points: readonly TrendPoint[], size: ChartSize): Html {
  const measured = points.filter((p) => p.nps !== null);
  if (measured.length === 0) return html`<p class="muted">No answers in this range yet.</p>`;
  const { width: W, height: H, font } = size;
  const pad = { top: font + 8, right: font * 2, bottom: font * 2.5, left: font * 3 };
  const step = (W - pad.left - pad.right) / Math.max(1, points.length - 1);
  const xOf = (i: number) => pad.left + (points.length === 1 ? (W - pad.left - pad.right) / 2 : i * step);
  const yOf = (v: number) => pad.top + ((100 - Math.max(-100, Math.min(100, v))) / 200) * (H - pad.top - pad.bottom);
  const at = points.flatMap((p, i) =>
    p.nps === null ? [] : [{ p, x: xOf(i), y: yOf(p.nps), hi: yOf(p.high ?? p.nps), lo: yOf(p.low ?? p.nps) }],
  );
  const hatch = `hatch-${size.name}`;
  const grid = [100, 50, 0, -50, -100].map(
    (
      v,
    ) => html`<line x1="${pad.left}" x2="${W - pad.right}" y1="${yOf(v)}" y2="${yOf(v)}" class="${v === 0 ? "axis" : "grid"}"/>
      <text x="${pad.left - 8}" y="${yOf(v) + font / 3}" text-anchor="end">${v}</text>`,
  );
  const every = Math.ceil(points.length / size.labels);
  const labels = points.map((p, i) =>
    i % every === 0 ? html`<text x="${xOf(i)}" y="${H - font}" text-anchor="middle">${p.period}</text>` : null,
  );
  const pairs = at.slice(1).map((b, i) => ({ a: at[i] as (typeof at)[number], b }));
  const bands = pairs.map(({ a, b }) => {
    const tentative = a.p.small || b.p.small;
    const shape = `${f(a.x)},${f(a.hi)} ${f(b.x)},${f(b.hi)} ${f(b.x)},${f(b.lo)} ${f(a.x)},${f(a.lo)}`;
    return tentative
      ? html`<polygon points="${shape}" class="band-small" fill="url(#${hatch})"/>`
      : html`<polygon points="${shape}" class="band"/>`;
  });
  const lines = pairs.map(
    ({ a, b }) =>
      html`<line x1="${f(a.x)}" y1="${f(a.y)}" x2="${f(b.x)}" y2="${f(b.y)}" class="${a.p.small || b.p.small ? "line tentative" : "line"}"/>`,
  );
  const room = points.length <= 12;
  const dots = at.map(
    ({ p, x, y, hi, lo }) => html`<line x1="${f(x)}" x2="${f(x)}" y1="${f(hi)}" y2="${f(lo)}" class="whisker"/>
      <circle cx="${f(x)}" cy="${f(y)}" r="${font / 3}" class="${p.small ? "small" : ""}"><title>${p.period}: NPS ${signed(p.nps)}, 95% interval ${interval(p.low, p.high)} (n=${p.total})</title></circle>
      ${p.small && room ? html`<text x="${f(x - font * 0.7)}" y="${f(y + font / 3)}" text-anchor="end" class="n">n=${p.total}</text>` : null}`,
  );
  const summary = measured
    .map((p) => `${p.period}: ${signed(p.nps)}${p.small ? ` (only ${p.total} answers)` : ""}`)
    .join(", ");
  return html`<svg class="trend ${size.name}" viewBox="0 0 ${W} ${H}" font-size="${font}" role="img" aria-label="NPS trend. ${summary}">
    <defs><pattern id="${hatch}" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="8" class="hatch"/></pattern></defs>
    ${grid}${labels}${bands}${lines}${dots}
  </svg>`;
}

const f = (n: number) => n.toFixed(1);
