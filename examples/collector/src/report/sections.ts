// The report's cards, each a pure function of the analysis.
import { CATEGORIES, type Category } from "@npskit/core";
import { MIN_ANSWERS, type ResponseRate, type Theme } from "@npskit/insights";
import type { Analysis } from "../analysis.js";
import { NARROW, splitBar, trendChart, WIDE } from "./charts.js";
import { count, dateOnly, interval, money, percent, signed } from "./format.js";
import { html, type Html } from "./html.js";

const LABELS: Record<Category, string> = { promoter: "Promoters", passive: "Passives", detractor: "Detractors" };

export function scoreCard(a: Analysis): Html {
  const s = a.nps;
  const few = s.total > 0 && s.total < MIN_ANSWERS;
  const reading =
    s.total === 0
      ? "No answers yet"
      : few
        ? `${count(s.total, "answer")}: too few to read as a score. The true NPS is likely anywhere from ${interval(s.low, s.high)}.`
        : `${count(s.total, "answer")} · 95% interval ${interval(s.low, s.high)}`;
  return html`<section class="card" aria-labelledby="nps-h">
    <h2 id="nps-h">Net Promoter Score</h2>
    <div class="score${few ? " tentative" : ""}">${signed(s.nps)} ${s.marginOfError === null ? null : html`<small>± ${s.marginOfError.toFixed(1)}</small>`}</div>
    <p class="${few ? "warn" : "muted"}">${reading}</p>
    ${changeLine(a)}
    ${splitBar(s)}
  </section>`;
}

export function trendCard(a: Analysis): Html {
  const points = a.trend.points;
  const tentative = points.some((p) => p.small && p.nps !== null);
  return html`<section class="card wide" aria-labelledby="trend-h">
    <h2 id="trend-h">Trend by ${a.trend.period} <span class="muted">(shaded: 95% interval)</span></h2>
    <div class="chart-wide">${trendChart(points, WIDE)}</div><div class="chart-narrow">${trendChart(points, NARROW)}</div>
    ${tentative ? html`<p class="muted note"><span class="key-small" aria-hidden="true"></span> Hollow points, hatched bands: n < ${MIN_ANSWERS} answers in the ${a.trend.period}, too few to read as a level.</p>` : null}
  </section>`;
}

/** Displays recorded by the SDK and how many were answered. */
export function responseRateCard(a: Analysis): Html {
  const r = a.responseRate;
  if (r.shown === 0) {
    return html`<section class="card" aria-labelledby="rate-h"><h2 id="rate-h">Response rate</h2>
      <p class="muted">No survey displays recorded in this range: only answers reached the collector (SDK with <code>impressions: false</code>, or from before displays were recorded).</p></section>`;
  }
  const periods = r.byPeriod.filter((p) => p.shown > 0).slice(-4);
  return html`<section class="card" aria-labelledby="rate-h"><h2 id="rate-h">Response rate</h2>
    <div class="big">${r.rate?.toFixed(1)}% <small class="muted">${rateInterval(r)}</small></div>
    <p class="muted">${r.answered} answered of ${count(r.shown, "display")} · ${r.completed} completed · ${r.dismissed} dismissed</p>
    ${periods.length > 1 ? html`<ul class="rates">${periods.map((p) => html`<li>${p.period}: <strong>${p.rate?.toFixed(0)}%</strong> <span class="muted">of ${p.shown}</span></li>`)}</ul>` : null}
  </section>`;
}

const rateInterval = (r: ResponseRate) => `95%: ${r.low?.toFixed(1)}–${r.high?.toFixed(1)}%`;

export function revenueCard(a: Analysis): Html | null {
  const r = a.revenueAtRisk;
  if (!r) return null;
  return html`<section class="card" aria-labelledby="risk-h">
    <h2 id="risk-h">Revenue at risk <span class="muted">(${r.attribute})</span></h2>
    <div class="big detractor-text">${money(r.atRisk, r.currency)}</div>
    <p class="muted">held by ${r.detractors} detractors · ${percent(r.atRisk, r.totalValue)} of ${money(r.totalValue, r.currency)}</p>
    <p>Passives hold <strong>${money(r.passiveValue, r.currency)}</strong> <span class="muted">(${r.passives} respondents)</span></p>
    ${r.currency ? null : html`<p class="muted note">Amounts as stored in <code>${r.attribute}</code>; add <code>?currency=EUR</code> to show their currency.</p>`}
  </section>`;
}

export function otherScalesCard(a: Analysis): Html | null {
  if (a.csat.total === 0 && a.ces.total === 0) return null;
  const row = (name: string, s: Analysis["csat"], good: string) =>
    s.total
      ? html`<tr><td>${name}</td><td class="num">${s.total}</td>
        <td class="num">${s.mean?.toFixed(2)} <span class="muted">(${s.meanLow?.toFixed(2)}–${s.meanHigh?.toFixed(2)})</span></td>
        <td class="num">${s.goodPercent?.toFixed(1)}% ${good} <span class="muted">(${s.goodLow?.toFixed(0)}–${s.goodHigh?.toFixed(0)}%)</span></td></tr>`
      : null;
  return html`<section class="card" aria-labelledby="scales-h"><h2 id="scales-h">Satisfaction and effort</h2>
    <div class="scroll" tabindex="0"><table><caption class="muted">Mean and top box, each with its 95% interval</caption>
    <thead><tr><th>Survey</th><th class="num">Answers</th><th class="num">Mean</th><th class="num">Top box</th></tr></thead>
    <tbody>${row("CSAT (1–5)", a.csat, "satisfied")}${row("CES (1–7)", a.ces, "easy")}</tbody></table></div></section>`;
}

/** `hrefFor(attribute)` links to this report segmented by that attribute. */
export function segmentCard(a: Analysis, attributes: readonly string[], hrefFor: (attribute: string) => string): Html {
  const picker = html`<p class="muted">Segment by: ${attributes.map((k, i) => html`${i ? " · " : ""}<a href="${hrefFor(k)}">${k}</a>`)}</p>`;
  if (!a.segments)
    return html`<section class="card wide"><h2>Segments</h2>${attributes.length ? picker : html`<p class="muted">No attributes recorded yet.</p>`}</section>`;
  const rates = new Map(a.segments.responseRates.map((r) => [r.segment, r]));
  const withRates = rates.size > 0;
  const rows = a.segments.rows.map((s) => {
    const rate = rates.get(s.segment);
    return html`<tr class="${s.small ? "tentative" : ""}"><td>${s.segment} ${s.small ? html`<span class="tag" title="fewer than ${MIN_ANSWERS} answers: too few to compare">n < ${MIN_ANSWERS}</span>` : ""}</td>
      <td class="num">${s.total}</td><td class="num"><strong>${signed(s.nps)}</strong></td><td class="num nowrap">${interval(s.low, s.high)}</td>
      <td class="num promoter-text">${percent(s.promoters, s.total)}</td><td class="num passive-text">${percent(s.passives, s.total)}</td>
      <td class="num detractor-text">${percent(s.detractors, s.total)}</td>${withRates ? html`<td class="num">${rate?.rate === undefined || rate.rate === null ? "–" : `${rate.rate.toFixed(0)}%`}</td>` : null}</tr>`;
  });
  return html`<section class="card wide" aria-labelledby="seg-h"><h2 id="seg-h">NPS by ${a.segments.attribute}</h2>
    <div class="scroll" tabindex="0"><table><thead><tr><th>${a.segments.attribute}</th><th class="num">Answers</th><th class="num">NPS</th><th class="num">95% interval</th>
    <th class="num">Promoters</th><th class="num">Passives</th><th class="num">Detractors</th>${withRates ? html`<th class="num">Response rate</th>` : null}</tr></thead><tbody>${rows}</tbody></table></div>
    ${picker}</section>`;
}

export function themesCard(a: Analysis): Html {
  // Each language is counted apart (its own words and stop words): label them when there are several.
  const languages = new Set(CATEGORIES.flatMap((c) => a.themes[c].map((t) => t.language)));
  const theme = (t: Theme) =>
    html`<li><span${t.language ? html` lang="${t.language}"` : null}>${t.term}</span> <span class="muted">(${t.count})</span>${
      languages.size > 1 ? html` <span class="tag">${t.language ?? "?"}</span>` : null
    }</li>`;
  const column = (c: Category) => {
    const list = a.themes[c];
    return html`<div><h3 class="${c}-text">${LABELS[c]}</h3>${list.length ? html`<ol class="themes">${list.map(theme)}</ol>` : html`<p class="muted">Not enough comments yet.</p>`}</div>`;
  };
  return html`<section class="card wide" aria-labelledby="themes-h"><h2 id="themes-h">What people talk about</h2>
    <div class="columns">${CATEGORIES.map(column)}</div></section>`;
}

export function commentsCard(a: Analysis): Html {
  const column = (c: Category) => {
    const list = a.latestComments[c];
    const quotes = list.map(
      (r) =>
        html`<blockquote><div>${r.comment}</div><footer>${r.score} · ${dateOnly(r.updatedAt)}${r.userId ? ` · ${r.userId}` : ""}${
          typeof r.attributes?.plan === "string" ? ` · ${r.attributes.plan}` : ""
        }</footer></blockquote>`,
    );
    return html`<div><h3 class="${c}-text">${LABELS[c]}</h3>${list.length ? quotes : html`<p class="muted">No comments yet.</p>`}</div>`;
  };
  return html`<section class="card wide" aria-labelledby="comments-h"><h2 id="comments-h">Latest comments</h2>
    <div class="columns">${CATEGORIES.map(column)}</div></section>`;
}

function changeLine(a: Analysis): Html | null {
  const c = a.change;
  if (!c) return null;
  const direction = c.delta > 0 ? "up" : c.delta < 0 ? "down" : "flat";
  const moved = c.delta === 0 ? "unchanged" : `${direction} ${Math.abs(c.delta).toFixed(1)}`;
  const now = html`${c.period}: <strong>${signed(c.nps)}</strong> <span class="muted">(${count(c.total, "answer")})</span>`;
  const before = html`${c.previousPeriod}: ${signed(c.previousNps)} <span class="muted">(${count(c.previousTotal, "answer")})</span>`;
  if (c.verdict === "not enough answers") {
    return html`<p class="change flat">${now}; ${before}. <span class="warn">Not enough answers to call a change</span> <span class="muted">(fewer than ${MIN_ANSWERS} in ${c.total < MIN_ANSWERS ? c.period : c.previousPeriod}).</span></p>`;
  }
  const verdict = c.significant ? html`a real change` : html`<span class="muted">within the noise</span>`;
  return html`<p class="change ${c.significant ? direction : "flat"}">${now}, ${moved} from ${before}: ${verdict} <span class="muted">(95% interval of the change ${interval(c.low, c.high)}).</span></p>`;
}

/** Who to call first: current detractors, the most valuable first, with what they said. */
export function detractorsCard(a: Analysis): Html | null {
  if (a.detractors.length === 0) return null;
  const valueName = a.revenueAtRisk?.attribute;
  const rows = a.detractors.map(
    ({ response: r, value }) => html`<tr>
      <td>${r.userId ?? html`<span class="muted">anonymous</span>`}</td>
      <td>${typeof r.attributes?.plan === "string" ? r.attributes.plan : ""}</td>
      ${valueName ? html`<td class="num">${value === undefined ? "" : money(value, a.revenueAtRisk?.currency)}</td>` : null}
      <td class="num detractor-text">${r.score}</td>
      <td class="comment">${r.comment ?? html`<span class="muted">no comment</span>`}</td>
      <td>${dateOnly(r.createdAt)}</td></tr>`,
  );
  return html`<section class="card wide" aria-labelledby="contact-h"><h2 id="contact-h">Detractors to contact</h2>
    <div class="scroll" tabindex="0"><table><thead><tr><th>User</th><th>Plan</th>${valueName ? html`<th class="num">${valueName}</th>` : null}
    <th class="num">Score</th><th>Comment</th><th>Answered</th></tr></thead><tbody>${rows}</tbody></table></div></section>`;
}
