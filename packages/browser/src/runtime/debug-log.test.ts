import { describe, expect, it } from "vitest";
import { validateConfig, type NpsKitConfig, type NpsKitConfigInput } from "@npskit/core";
import { identifyState, newUserState, recordOutcome } from "@npskit/core/runtime";
import { createDebugLog, type DebugDecision } from "./debug-log.js";

const NOW = Date.parse("2026-11-25T12:00:00Z");
const DAY = 86_400_000;

function configOf(surveys: NonNullable<NpsKitConfigInput["surveys"]>): NpsKitConfig {
  const result = validateConfig({ endpoint: "/collect", surveys });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join("\n"));
  return result.config;
}

const user = (id: string, attributes = {}) => identifyState(newUserState("anon"), id, attributes);
const at = (url: string, event?: string): DebugDecision["context"] => ({
  url: `https://app.example.com${url}`,
  device: "desktop",
  locale: "en",
  ...(event ? { event: { name: event, properties: {} } } : {}),
});

/** The lines one logger writes for a sequence of decisions. */
function linesOf(
  config: NpsKitConfig,
  decisions: Array<Partial<DebugDecision> & Pick<DebugDecision, "context">>,
): string[] {
  const lines: string[] = [];
  const log = createDebugLog(config, (line) => lines.push(line));
  for (const d of decisions) log({ state: user("user-7"), now: NOW, consent: true, shown: undefined, ...d });
  return lines;
}

describe("debug mode's lines", () => {
  const config = configOf([
    { id: "welcome", audience: { urls: { include: ["/app/**"] } } },
    {
      id: "nps-q4",
      trigger: { event: "checkout" },
      audience: { attributes: [{ key: "plan", op: "eq", value: "pro" }] },
    },
    { id: "csat", delaySeconds: 5 },
  ]);

  it("on a page view, says what is shown, what waits for its event, and what comes second", () => {
    expect(
      linesOf(config, [{ context: at("/app/home"), shown: "welcome", state: user("user-7", { plan: "pro" }) }]),
    ).toEqual([
      "[npskit] welcome: shown",
      '[npskit] nps-q4: waits for npskit.track("checkout")',
      '[npskit] csat: not shown — "welcome" comes first in the config (one survey at a time)',
    ]);
  });

  it("names every failing rule with its values, and how to force the survey", () => {
    expect(linesOf(config, [{ context: at("/pricing"), shown: "csat" }])).toEqual([
      "[npskit] welcome: not shown — page https://app.example.com/pricing matches none of [\"/app/**\"]; force it with npskit.show('welcome', { force: true })",
      "[npskit] nps-q4: not shown — attribute plan is not set; needs eq \"pro\"; force it with npskit.show('nps-q4', { force: true })",
      "[npskit] csat: shows after its 5 s delay if the person is still on a page it targets",
    ]);
  });

  it("on an event, speaks only of the surveys that event triggers", () => {
    const lines = linesOf(config, [
      { context: at("/pricing", "checkout"), shown: "nps-q4", state: user("user-7", { plan: "pro" }) },
    ]);
    expect(lines).toEqual(["[npskit] nps-q4: shown"]);
    expect(linesOf(config, [{ context: at("/pricing", "signup") }])).toEqual([]);
  });

  it("says once per page view what it has already said", () => {
    const decisions = [
      { context: at("/pricing") },
      { context: at("/pricing", "checkout") },
      { context: at("/pricing", "checkout") },
    ];
    const once = linesOf(config, decisions);
    expect(once.filter((l) => l.includes("nps-q4"))).toHaveLength(1); // the event repeats the page view's reason
    expect(linesOf(config, [...decisions, { context: at("/pricing") }])).toHaveLength(2 * once.length);
  });

  it("puts consent and throttling in words", () => {
    const answered = recordOutcome(user("user-7"), "csat", "answered", NOW - 10 * DAY);
    const lines = linesOf(config, [{ context: at("/pricing"), consent: false, state: answered }]);
    expect(lines.find((l) => l.includes("csat:"))).toMatch(
      /^\[npskit\] csat: not shown — waiting for consent: call npskit\.consent\(true\); answered 10 days ago; .*force it with npskit\.show\('csat', \{ force: true \}\)$/,
    );
  });
});
