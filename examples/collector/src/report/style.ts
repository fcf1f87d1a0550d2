// The report's only stylesheet, served inline and allowed by its hash in the page's CSP.
import { createHash } from "node:crypto";

export const STYLE = `
:root { color-scheme: light dark; --bg: #f8fafc; --card: #fff; --text: #0f172a; --muted: #475569; --border: #e2e8f0;
  --promoter: #15803d; --passive: #a16207; --detractor: #b91c1c; --accent: #4338ca; --on-accent: #fff; --band: #c7d2fe; --shadow: rgba(15, 23, 42, .35); }
@media (prefers-color-scheme: dark) { :root { --bg: #0b1120; --card: #111827; --text: #e5e7eb; --muted: #9ca3af;
  --border: #1f2937; --promoter: #4ade80; --passive: #facc15; --detractor: #f87171; --accent: #a5b4fc; --on-accent: #0b1120; --band: #312e81; --shadow: rgba(0, 0, 0, .7); } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text); line-height: 1.5;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 20px 48px; }
header { display: flex; flex-wrap: wrap; gap: 12px 24px; align-items: baseline; justify-content: space-between; }
h1 { font-size: 22px; margin: 0; } h2 { font-size: 16px; margin: 0 0 12px; }
.muted { color: var(--muted); }
form.filters { display: flex; flex-wrap: wrap; gap: 8px; align-items: end; margin: 16px 0 8px; }
form.filters label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); }
input, select, button { font: inherit; padding: 6px 8px; border: 1px solid var(--border); border-radius: 6px; background: var(--card); color: var(--text); }
button { background: var(--accent); color: var(--on-accent); border-color: var(--accent); cursor: pointer; }
.top { display: flex; flex-wrap: wrap; gap: 16px; margin-top: 16px; } .top > .card { flex: 1 1 300px; min-width: 0; }
.grid { display: grid; gap: 16px; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); margin-top: 16px; }
.card { background: var(--card); border: 1px solid var(--border); border-radius: 12px; padding: 18px 20px; }
.wide { grid-column: 1 / -1; }
.score { font-size: 56px; font-weight: 700; line-height: 1; letter-spacing: -1px; }
.score small { font-size: 18px; font-weight: 500; color: var(--muted); letter-spacing: 0; }
svg.split { display: block; border-radius: 6px; overflow: hidden; margin-top: 16px; }
ul.legend { list-style: none; padding: 0; margin: 10px 0 0; display: flex; flex-wrap: wrap; gap: 6px 18px; font-size: 14px; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; }
.swatch.promoter { background: var(--promoter); } .swatch.passive { background: var(--passive); } .swatch.detractor { background: var(--detractor); }
svg.trend { display: block; width: 100%; height: auto; }
svg.trend text { fill: var(--muted); } svg.trend text.n { fill: var(--text); }
svg.trend .grid { stroke: var(--border); } svg.trend .band { fill: var(--band); opacity: .6; }
svg.trend .hatch { stroke: var(--accent); stroke-width: 2; opacity: .35; }
svg.trend .line { stroke: var(--accent); stroke-width: 2.5; } svg.trend .line.tentative { stroke-dasharray: 6 5; }
svg.trend .whisker { stroke: var(--accent); opacity: .45; stroke-width: 1.5; }
svg.trend circle { fill: var(--accent); } svg.trend circle.small { fill: var(--card); stroke: var(--accent); stroke-width: 2.5; }
.chart-narrow { display: none; }
@media (max-width: 700px) { .chart-wide { display: none; } .chart-narrow { display: block; } }
.key-small { display: inline-block; width: 11px; height: 11px; border: 2.5px solid var(--accent); border-radius: 50%; vertical-align: -1px; }
.fill-promoter { fill: var(--promoter); } .fill-passive { fill: var(--passive); } .fill-detractor { fill: var(--detractor); } svg.trend .axis { stroke: var(--muted); stroke-dasharray: 4 3; }
/* Shadows at the edges that can scroll: the cue that a table goes on (they stay put while the content scrolls). */
.scroll { overflow-x: auto; background: linear-gradient(to right, var(--card) 30%, transparent) left / 40px 100% no-repeat local,
  linear-gradient(to left, var(--card) 30%, transparent) right / 40px 100% no-repeat local,
  radial-gradient(farthest-side at 0 50%, var(--shadow), transparent) left / 18px 100% no-repeat scroll,
  radial-gradient(farthest-side at 100% 50%, var(--shadow), transparent) right / 18px 100% no-repeat scroll; }
caption { text-align: left; font-size: 12px; padding-bottom: 4px; }
.nowrap { white-space: nowrap; } code { font-size: 13px; }
.warn { color: var(--passive); } .score.tentative { color: var(--muted); } .note { font-size: 13px; margin: 8px 0 0; }
.big small { font-size: 14px; font-weight: 500; }
ul.rates { list-style: none; padding: 0; margin: 8px 0 0; display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 14px; }
table { width: 100%; border-collapse: collapse; font-size: 14px; }
th, td { text-align: left; padding: 7px 8px; border-bottom: 1px solid var(--border); }
th { font-weight: 600; color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.tentative td:not(:first-child) { color: var(--muted); } tr.tentative strong { font-weight: 500; }
.tag { font-size: 11px; padding: 1px 6px; border-radius: 999px; border: 1px solid var(--border); color: var(--muted); }
.columns { display: grid; gap: 16px; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); }
.promoter-text { color: var(--promoter); } .passive-text { color: var(--passive); } .detractor-text { color: var(--detractor); }
ol.themes { margin: 0; padding-left: 20px; } ol.themes li { margin: 2px 0; }
blockquote { margin: 0 0 12px; padding: 8px 12px; border-left: 3px solid var(--border); overflow-wrap: anywhere; }
blockquote footer { font-size: 12px; color: var(--muted); margin-top: 4px; }
.big { font-size: 28px; font-weight: 700; }
.change { margin: 4px 0 0; font-size: 14px; } .change.up strong { color: var(--promoter); } .change.down strong { color: var(--detractor); }
td.comment { min-width: 220px; overflow-wrap: anywhere; }
.notice { margin: 0 0 16px; padding: 8px 12px; border-left: 4px solid var(--detractor); background: var(--card); overflow-wrap: anywhere; }
@media (max-width: 600px) { .score { font-size: 44px; } main { padding: 16px 12px 32px; } }
`;

/** Content-Security-Policy of the report: nothing but this stylesheet and inline SVG. */
export const REPORT_CSP = `default-src 'none'; style-src 'sha256-${createHash("sha256").update(STYLE).digest("base64")}'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`;
