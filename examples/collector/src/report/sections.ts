// The report's cards, each a pure function of the analysis.
import { CATEGORIES, type Category } from "@npskit/core";
import { SMALL_SEGMENT } from "@npskit/insights";
import type { Analysis } from "../analysis.js";
import { splitBar, trendChart } from "./charts.js";
import { dateOnly, money, percent, signed } from "./format.js";
import { html, type Html } from "./html.js";

const LABELS: Record<Category, string> = { promoter: "Promoters", passive: "Passives", detractor: "Detractors" };

export function scoreCard(a: Analysis): Html {
  const s = a.nps;
  const margin = s.marginOfError === null ? "" : `± ${s.marginOfError.toFixed(1)}`;
  return html`<section class="card" aria-labelledby="nps-h">
    <h2 id="nps-h">Net Promoter Score</h2>
    <div class="score">${signed(s.nps)} <small>${margin}</small></div>
    <p class="muted">${s.total} answers · 95% margin of error${s.total > 0 && s.total < SMALL_SEGMENT ? " · small sample" : ""}</p>
    ${changeLine(a)}
    ${splitBar(s)}
  </section>`;
}

export function trendCard(a: Analysis): Html {
  return html`<section class="card wide" aria-labelledby="trend-h">
    <h2 id="trend-h">Trend by ${a.trend.period} <span class="muted">(shaded: 95% margin)</span></h2>
    ${trendChart(a.trend.points)}
  </section>`;
}

export function revenueCard(a: Analysis): Html | null {
  const r = a.revenueAtRisk;
  if (!r) return null;
  return html`<section class="card" aria-labelledby="risk-h">
    <h2 id="risk-h">Revenue at risk <span class="muted">(${r.attribute})</span></h2>
    <div class="big detractor-text">${money(r.atRisk)}</div>
    <p class="muted">held by ${r.detractors} detractors · ${percent(r.atRisk, r.totalValue)} of ${money(r.totalValue)}</p>
    <p>Passives hold <strong>${money(r.passiveValue)}</strong> <span class="muted">(${r.passives} respondents)</span></p>
  </section>`;
}

export function otherScalesCard(a: Analysis): Html | null {
  if (a.csat.total === 0 && a.ces.total === 0) return null;
  const row = (name: string, s: Analysis["csat"], good: string) =>
    s.total ? html`<tr><td>${name}</td><td class="num">${s.total}</td><td class="num">${s.mean?.toFixed(2)}</td><td class="num">${s.goodPercent?.toFixed(1)}% ${good}</td></tr>` : null;
  return html`<section class="card" aria-labelledby="scales-h"><h2 id="scales-h">Satisfaction and effort</h2>
    <div class="scroll" tabindex="0"><table><thead><tr><th>Survey</th><th class="num">Answers</th><th class="num">Mean</th><th class="num">Top box</th></tr></thead>
    <tbody>${row("CSAT (1–5)", a.csat, "satisfied")}${row("CES (1–7)", a.ces, "easy")}</tbody></table></div></section>`;
}

/** `hrefFor(attribute)` links to this report segmented by that attribute. */
export function segmentCard(a: Analysis, attributes: readonly string[], hrefFor: (attribute: string) => string): Html {
  const picker = html`<p class="muted">Segment by: ${attributes.map((k, i) => html`${i ? " · " : ""}<a href="${hrefFor(k)}">${k}</a>`)}</p>`;
  if (!a.segments) return html`<section class="card wide"><h2>Segments</h2>${attributes.length ? picker : html`<p class="muted">No attributes recorded yet.</p>`}</section>`;
  const rows = a.segments.rows.map(
    (s) => html`<tr><td>${s.segment} ${s.small ? html`<span class="tag" title="fewer than ${SMALL_SEGMENT} answers">small</span>` : ""}</td>
      <td class="num">${s.total}</td><td class="num"><strong>${signed(s.nps)}</strong></td><td class="num">± ${s.marginOfError?.toFixed(1)}</td>
      <td class="num promoter-text">${percent(s.promoters, s.total)}</td><td class="num passive-text">${percent(s.passives, s.total)}</td>
      <td class="num detractor-text">${percent(s.detractors, s.total)}</td></tr>`,
  );
  return html`<section class="card wide" aria-labelledby="seg-h"><h2 id="seg-h">NPS by ${a.segments.attribute}</h2>
    <div class="scroll" tabindex="0"><table><thead><tr><th>${a.segments.attribute}</th><th class="num">Answers</th><th class="num">NPS</th><th class="num">Margin</th>
    <th class="num">Promoters</th><th class="num">Passives</th><th class="num">Detractors</th></tr></thead><tbody>${rows}</tbody></table></div>
    ${picker}</section>`;
}

export function themesCard(a: Analysis): Html {
  const column = (c: Category) => {
    const list = a.themes[c];
    return html`<div><h3 class="${c}-text">${LABELS[c]}</h3>${
      list.length ? html`<ol class="themes">${list.map((t) => html`<li>${t.term} <span class="muted">(${t.count})</span></li>`)}</ol>` : html`<p class="muted">Not enough comments yet.</p>`
    }</div>`;
  };
  return html`<section class="card wide" aria-labelledby="themes-h"><h2 id="themes-h">What people talk about</h2>
    <div class="columns">${CATEGORIES.map(column)}</div></section>`;
}

export function commentsCard(a: Analysis): Html {
  const column = (c: Category) => {
    const list = a.latestComments[c];
    const quotes = list.map(
      (r) => html`<blockquote><div>${r.comment}</div><footer>${r.score} · ${dateOnly(r.updatedAt)}${r.userId ? ` · ${r.userId}` : ""}${
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
  const noise = c.significant ? "beyond" : "within";
  return html`<p class="change ${c.significant ? direction : "flat"}">${c.period}: <strong>${signed(c.nps)}</strong>, ${moved} from ${c.previousPeriod} (${signed(c.previousNps)}),
    <span class="muted">${noise} the ±${c.marginOfError.toFixed(1)} margin</span></p>`;
}

/** Who to call first: current detractors, the most valuable first, with what they said. */
export function detractorsCard(a: Analysis): Html | null {
  if (a.detractors.length === 0) return null;
  const valueName = a.revenueAtRisk?.attribute;
  const rows = a.detractors.map(({ response: r, value }) => html`<tr>
      <td>${r.userId ?? html`<span class="muted">anonymous</span>`}</td>
      <td>${typeof r.attributes?.plan === "string" ? r.attributes.plan : ""}</td>
      ${valueName ? html`<td class="num">${value === undefined ? "" : money(value)}</td>` : null}
      <td class="num detractor-text">${r.score}</td>
      <td class="comment">${r.comment ?? html`<span class="muted">no comment</span>`}</td>
      <td>${dateOnly(r.createdAt)}</td></tr>`);
  return html`<section class="card wide" aria-labelledby="contact-h"><h2 id="contact-h">Detractors to contact</h2>
    <div class="scroll" tabindex="0"><table><thead><tr><th>User</th><th>Plan</th>${valueName ? html`<th class="num">${valueName}</th>` : null}
    <th class="num">Score</th><th>Comment</th><th>Answered</th></tr></thead><tbody>${rows}</tbody></table></div></section>`;
}
