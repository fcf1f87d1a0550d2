// Server-rendered SVG charts: no script, no external asset, readable without colour (labels).
// Colours come from the stylesheet's classes, so they follow light and dark mode.
import type { NpsSummary, TrendPoint } from "@npskit/insights";
import { html, type Html } from "./html.js";
import { percent, signed } from "./format.js";

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
  const legend = parts.map((p) => html`<li><span class="swatch ${p.key}"></span>${p.label} <strong>${percent(p.n, s.total)}</strong> <span class="muted">(${p.n})</span></li>`);
  return html`<svg class="split" role="img" aria-label="${parts.map((p) => `${p.label} ${percent(p.n, s.total)}`).join(", ")}" width="100%" height="20" preserveAspectRatio="none">${rects}</svg>
    <ul class="legend">${legend}</ul>`;
}

const W = 720;
const H = 240;
const PAD = { top: 16, right: 36, bottom: 36, left: 44 };

/** NPS per period on a −100..100 axis, with the 95% margin as a shaded band. */
export function trendChart(points: readonly TrendPoint[]): Html {
  const measured = points.filter((p) => p.nps !== null);
  if (measured.length === 0) return html`<p class="muted">No answers in this range yet.</p>`;
  const step = (W - PAD.left - PAD.right) / Math.max(1, points.length - 1);
  const xOf = (i: number) => PAD.left + (points.length === 1 ? (W - PAD.left - PAD.right) / 2 : i * step);
  const yOf = (v: number) => PAD.top + ((100 - Math.max(-100, Math.min(100, v))) / 200) * (H - PAD.top - PAD.bottom);
  const at = points.map((p, i) => ({ p, x: xOf(i) })).filter(({ p }) => p.nps !== null);
  const line = at.map(({ p, x }) => `${x.toFixed(1)},${yOf(p.nps as number).toFixed(1)}`).join(" ");
  const upper = at.map(({ p, x }) => `${x.toFixed(1)},${yOf((p.nps as number) + (p.marginOfError ?? 0)).toFixed(1)}`);
  const lower = at.map(({ p, x }) => `${x.toFixed(1)},${yOf((p.nps as number) - (p.marginOfError ?? 0)).toFixed(1)}`).reverse();
  const grid = [100, 50, 0, -50, -100].map(
    (v) => html`<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${yOf(v)}" y2="${yOf(v)}" class="${v === 0 ? "axis" : "grid"}"/>
      <text x="${PAD.left - 8}" y="${yOf(v) + 4}" text-anchor="end">${v}</text>`,
  );
  const every = Math.ceil(points.length / 8);
  const labels = points.map((p, i) => (i % every === 0 ? html`<text x="${xOf(i)}" y="${H - 12}" text-anchor="middle">${p.period}</text>` : null));
  const dots = at.map(
    ({ p, x }) => html`<circle cx="${x}" cy="${yOf(p.nps as number)}" r="4"><title>${p.period}: NPS ${signed(p.nps)} ± ${p.marginOfError} (n=${p.total})</title></circle>`,
  );
  const summary = measured.map((p) => `${p.period}: ${signed(p.nps)}`).join(", ");
  return html`<svg class="trend" viewBox="0 0 ${W} ${H}" role="img" aria-label="NPS trend. ${summary}">
    ${grid}${labels}
    <polygon points="${[...upper, ...lower].join(" ")}" class="band"/>
    <polyline points="${line}"/>
    ${dots}
  </svg>`;
}
