// What `npskit simulate` prints: who each survey reaches and which rule removed how many simulated
// users (with the flag that would change it), then the monthly forecast from observed rates.
import {
  SIMULATED_TRAFFIC,
  type CheckCode,
  type Forecast,
  type NpsKitConfig,
  type Simulation,
  type SurveyConfig,
} from "@npskit/core";

const count = (n: number) => Math.round(n).toLocaleString("en-US");
const pct = (n: number, of: number) => `${of ? ((100 * n) / of).toFixed(1) : "0.0"}%`;
const mix = (choices: ReadonlyArray<readonly [string, number]>) =>
  choices.map(([v, w]) => `${v} ${Math.round(w * 100)}%`).join(", ");

const RULES: Partial<Record<CheckCode, (s: SurveyConfig) => string>> = {
  schedule: () => "schedule",
  url: () => "audience.urls",
  device: () => "audience.devices",
  locale: () => "audience.locales",
  attributes: () => "audience.attributes",
  sample: (s) => `audience.sample ${s.audience.sample}`,
};

/** The engine's order of rules (core's engine.ts checksOf): the first failing one removes a user. */
const ORDER: readonly CheckCode[] = [
  "trigger",
  "schedule",
  "url",
  "device",
  "locale",
  "attributes",
  "sample",
  "answered",
  "dismissed",
  "maxDisplays",
  "global",
  "visible",
];

export interface Fixed {
  url?: string;
  device?: string;
  locale?: string;
  attributes: Record<string, unknown>;
}

export function printSimulation(
  sim: Simulation,
  config: NpsKitConfig,
  fixed: Fixed,
  now: number,
  out: (line: string) => void,
): void {
  out(`Simulated ${count(sim.users)} new users at ${sim.now}, each survey's trigger firing once.`);
  const pages = SIMULATED_TRAFFIC.urls.map(([url, w]) => [new URL(url).pathname, w] as const);
  out(`  pages:   ${fixed.url ?? `${new URL(SIMULATED_TRAFFIC.urls[0]![0]).origin} ${mix(pages)}`}`);
  out(`  devices: ${fixed.device ?? mix(SIMULATED_TRAFFIC.devices)}`);
  out(`  locales: ${fixed.locale ?? mix(SIMULATED_TRAFFIC.locales)}`);
  const attributes = Object.entries(fixed.attributes);
  out(`  attributes: ${attributes.length ? attributes.map(([k, v]) => `${k}=${String(v)}`).join(", ") : "none"}`);
  out("");
  const width = Math.max(...sim.surveys.map((s) => s.surveyId.length));
  sim.surveys.forEach((result, i) => {
    const survey = config.surveys[i]!;
    const removed = (Object.entries(result.removedBy) as Array<[CheckCode, number]>)
      .sort(([a], [b]) => ORDER.indexOf(a) - ORDER.indexOf(b))
      .map(([code, n]) => `${count(n)} by ${RULES[code]?.(survey) ?? code}`);
    out(
      `${result.surveyId.padEnd(width)}  ${count(result.shown).padStart(count(sim.users).length)} shown (${pct(result.shown, sim.users)})${removed.length ? `; removed ${removed.join(", ")}` : ""}`,
    );
    if (result.byReason.attributes === sim.users) {
      const hint = attributes.length
        ? "the --attr values given do not meet them"
        : `simulated users have no attributes: give them yours, e.g. ${attrExample(survey, now)}`;
      out(`${" ".repeat(width)}  ${hint}`);
    }
  });
  out("");
  out(
    "Each user not shown counts once, under the first rule that removed them (schedule, page, device, locale, attributes, sample).",
  );
}

/** `--attr plan=pro --attr signupDate=2026-01-01`: values that meet the survey's attribute rules. */
function attrExample(survey: SurveyConfig, now: number): string {
  const day = (days: number) => new Date(now - days * 86_400_000).toISOString().slice(0, 10);
  return survey.audience.attributes
    .map(({ key, op, value }) => {
      const first = Array.isArray(value) ? value[0] : value;
      const example =
        op === "olderThanDays"
          ? day(Number(value) + 1)
          : op === "newerThanDays" || op === "exists"
            ? op === "exists"
              ? "yes"
              : day(0)
            : op === "neq" || op === "notIn"
              ? "other"
              : String(first);
      return `--attr ${key}=${example}`;
    })
    .join(" ");
}

export function printForecast(f: Forecast, source: string, out: (line: string) => void): void {
  const rate = (n: number) => `${(100 * n).toFixed(1)}%`;
  const inferred = (key: Forecast["inferred"][number]) =>
    f.inferred.includes(key) ? ", worked out from the answers a month" : "";
  out("");
  out(`Forecast per month${source ? ` (observed: ${source})` : ""}:`);
  out(
    `  ${count(f.monthlyUsers)} people reach each trigger${inferred("monthlyUsers")}; ${rate(f.responseRate)} of those shown answer${inferred("responseRate")}`,
  );
  out(
    `  answers: ${f.assumedMix ? "promoters and detractors assumed 50% / 50%, the widest margin (give --promoters and --detractors, or --summary)" : `promoters ${rate(f.promoters)}, detractors ${rate(f.detractors)}`}`,
  );
  out("");
  const header = ["survey", "sample", "shown", "answers", "margin (95%)", `sample for ±${f.targetMargin}`];
  const rows = f.surveys.map((s) => [
    s.surveyId,
    String(s.sample),
    count(s.shownPerMonth),
    count(s.answersPerMonth),
    s.marginOfError === null ? "no answers" : `±${s.marginOfError.toFixed(1)}`,
    s.sampleForTarget === null ? `over 1 (needs ${count(s.answersForTarget)} answers)` : s.sampleForTarget.toFixed(2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join("  ")
      .trimEnd();
  out(line(header));
  rows.forEach((r) => out(line(r)));
  out("");
  out(
    `±${f.targetMargin} points in a month takes ${count(f.surveys[0]?.answersForTarget ?? 0)} answers (adjusted Wald 95% margin).`,
  );
}
