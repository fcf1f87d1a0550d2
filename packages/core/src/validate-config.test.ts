import { seededRandom } from "@npskit/test-support/random";
import { describe, expect, it } from "vitest";
import { validateConfig } from "./validate-config.js";
import { guardConfig } from "./config-guard.js";
import { explain, pickSurvey, type EngineContext } from "./engine.js";
import { newUserState } from "./user-state.js";
import { INVALID_CONFIGS, VALID_CONFIGS } from "./config-corpus.test-data.js";
import { ATTRIBUTE_OPS } from "./config-constants.js";

const problemsOf = (input: unknown) => {
  const result = validateConfig(input);
  if (result.ok) throw new Error("expected problems");
  return result.problems;
};
const messages = (input: unknown) => problemsOf(input).map((p) => p.message);

describe("validateConfig", () => {
  it("applies the documented defaults", () => {
    const result = validateConfig({ endpoint: "/collect", surveys: [{ id: "nps-q4" }] });
    expect(result).toMatchObject({ ok: true, warnings: [] });
    if (!result.ok) return;
    expect(result.config).toEqual({
      endpoint: "/collect",
      theme: { mode: "auto", position: "bottom-right" },
      requireConsent: false,
      impressions: true,
      globalThrottle: { minDaysBetweenSurveys: 7 },
      surveys: [
        {
          id: "nps-q4",
          kind: "nps",
          trigger: { pageview: true },
          delaySeconds: 0,
          audience: { sample: 1, urls: { exclude: [] }, attributes: [] },
          throttle: { afterAnswerDays: 90, afterDismissDays: 14 },
        },
      ],
    });
  });

  it("names the path, the rule and the value", () => {
    expect(messages({ endpoint: "/c", surveys: [{ id: "a", audience: { sample: 2 } }] })).toEqual([
      "surveys[0].audience.sample must be between 0 and 1, got 2",
    ]);
    expect(messages({ endpoint: "/c", theme: { accent: "blue" } })).toEqual([
      'theme.accent must be a hex color such as "#4f46e5", got "blue"',
    ]);
    expect(messages({ endpoint: "/c", surveys: [{ kind: "nps" }] })).toEqual(["surveys[0].id is required"]);
    expect(messages("x")).toEqual(['config must be an object ({…}), got "x"']);
    expect(messages({ endpoint: "/c", headers: { "x-api-key": 42 } })).toEqual([
      'headers["x-api-key"] must be text, got 42',
    ]);
  });

  it("reports every problem at once, structural and cross-field", () => {
    const problems = problemsOf(INVALID_CONFIGS["many at once"]);
    // In the order the config reads.
    expect(problems.map((p) => p.path)).toEqual([
      "endpoint",
      "theme.accent",
      "surveys[0].audience.sample",
      "surveys[1].id",
      "surveys[1].trigger.event",
      "surveys[1].throttle.maxDisplays",
    ]);
  });

  it("checks the rules that relate fields", () => {
    expect(messages(INVALID_CONFIGS["duplicate ids"])).toEqual([
      'surveys[2].id "a" is already used by surveys[0]; survey ids must be unique',
    ]);
    expect(messages(INVALID_CONFIGS["schedule order"])).toEqual([
      'surveys[0].schedule.end must be after start (2026-12-31), got "2026-10-01"',
    ]);
    expect(messages(INVALID_CONFIGS["schedule impossible date"])).toEqual([
      'surveys[0].schedule.end is not a real date, got "2026-02-30"',
    ]);
    expect(messages(INVALID_CONFIGS["in needs a list"])).toEqual([
      'surveys[0].audience.attributes[0].value must be a list such as ["pro", "team"] for op "in"',
    ]);
    expect(messages(INVALID_CONFIGS["days need numbers"])).toEqual([
      'surveys[0].audience.attributes[0].value must be a number of days (0 or more) for op "olderThanDays"',
    ]);
    expect(messages(INVALID_CONFIGS["followUp typo"])).toEqual([
      'surveys[0].followUp.promotor is not a category (did you mean "promoter"?)',
    ]);
    expect(messages(INVALID_CONFIGS["trigger empty"])).toEqual([
      'surveys[0].trigger needs exactly one of "pageview": true or "event": "<event name>"',
    ]);
    expect(messages(INVALID_CONFIGS["endpoint missing"])).toEqual([
      "endpoint is required (or set configUrl, or pass a transport function in code)",
    ]);
  });

  it("knows the value every attribute op needs", () => {
    const withCondition = (condition: object) => ({
      endpoint: "/c",
      surveys: [{ id: "a", audience: { attributes: [condition] } }],
    });
    for (const op of ATTRIBUTE_OPS) {
      // "exists" may omit its value; every other op must have one, and no op accepts an object.
      if (op !== "exists")
        expect(messages(withCondition({ key: "k", op })), op).toEqual([
          `surveys[0].audience.attributes[0].value is required for op "${op}"`,
        ]);
      expect(messages(withCondition({ key: "k", op, value: [{}] })), op).toHaveLength(1);
    }
  });

  it("warns about unknown keys and suggests the closest known one", () => {
    const result = validateConfig({
      endpoint: "/c",
      surveys: [{ id: "a", audience: { sampel: 0.5 }, trigerr: {} }],
      zzz: 1,
    });
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => w.message)).toEqual([
      'surveys[0].audience.sampel is not a known option and is ignored (did you mean "sample"?)',
      'surveys[0].trigerr is not a known option and is ignored (did you mean "trigger"?)',
      "zzz is not a known option and is ignored (known: $schema, endpoint, headers, configUrl, locale, product, theme, requireConsent, debug, impressions, globalThrottle, surveys)",
    ]);
  });

  it("accepts a transport function from code and keeps it", () => {
    const transport = async () => {};
    const result = validateConfig({ transport, surveys: [{ id: "a" }] });
    expect(result.ok && result.config.transport).toBe(transport);
    expect(messages({ endpoint: "/c", transport: "fetch" })).toEqual([
      "transport must be a function (a transport can only be passed in code, not in JSON)",
    ]);
  });

  it("never throws, whatever it is given", () => {
    const cyclic: Record<string, unknown> = { endpoint: "/c" };
    cyclic.theme = { accent: cyclic };
    for (const input of [
      undefined,
      0,
      true,
      Symbol("x"),
      () => {},
      { surveys: [null, 1, "a"] },
      Object.create(null),
      cyclic,
      { endpoint: 1n },
    ]) {
      expect(() => validateConfig(input)).not.toThrow();
      expect(() => guardConfig(input)).not.toThrow();
    }
  });
});

/** The engine on `config` for a page view and for every survey's event: never throws. */
function runEngine(config: Parameters<typeof pickSurvey>[0]) {
  const state = newUserState("anon");
  state.attributes = { plan: "pro", seats: 3, signupDate: "2026-01-01", tags: ["a"] };
  for (const event of [
    undefined,
    ...config.surveys.map((s) =>
      s.trigger.event ? { name: s.trigger.event, properties: s.trigger.properties } : undefined,
    ),
  ]) {
    const context = { url: "https://example.com/app/x", device: "desktop", locale: "en", event } as EngineContext;
    pickSurvey(config, state, context, Date.UTC(2026, 10, 1));
    for (const s of config.surveys) explain(config, s.id, state, context, Date.UTC(2026, 10, 1));
  }
}

// The production guard (what a page view runs instead of validateConfig) gives the validator's
// config for every valid input, and the engine never throws on whatever it lets through.
describe("guardConfig agrees with validateConfig", () => {
  it.each(Object.entries(VALID_CONFIGS))("valid: %s", (_name, input) => {
    const full = validateConfig(input);
    expect(full.ok).toBe(true);
    // Unknown keys (warnings) pass through the guard; zod drops them.
    expect(guardConfig(input)).toMatchObject({ ok: true, config: full.ok && full.config });
  });

  it.each(Object.entries(INVALID_CONFIGS))("invalid: %s", (_name, input) => {
    const full = validateConfig(input);
    expect(full.ok).toBe(false);
    if (full.ok) return;
    expect(full.problems.length).toBeGreaterThan(0);
    const guarded = guardConfig(input);
    // Either the guard names a path the validator reports too, or the engine copes with the value.
    if (!guarded.ok) expect(full.problems.map((p) => p.path)).toContain(guarded.path);
    else expect(() => runEngine(guarded.config)).not.toThrow();
  });
});

describe("guardConfig on mutated configs", () => {
  const JUNK: unknown[] = [
    null,
    -1,
    0,
    0.5,
    2,
    1e9,
    2.5,
    "",
    "x",
    "#fff",
    "2026-02-30",
    "de-AT",
    true,
    false,
    [],
    [1],
    ["a", {}],
    {},
    { a: 1 },
  ];
  const leaves = (v: unknown, path: (string | number)[] = []): (string | number)[][] =>
    v !== null && typeof v === "object"
      ? [path, ...Object.entries(v).flatMap(([k, c]) => leaves(c, [...path, Array.isArray(v) ? Number(k) : k]))]
      : [path];

  function mutate(input: unknown, random: () => number): unknown {
    const copy = structuredClone(input) as Record<string, unknown>;
    const paths = leaves(copy).filter((p) => p.length > 0);
    const path = paths[Math.floor(random() * paths.length)]!;
    let parent: any = copy;
    for (const seg of path.slice(0, -1)) parent = parent[seg];
    const last = path[path.length - 1]!;
    if (random() < 0.2) Array.isArray(parent) ? parent.splice(Number(last), 1) : delete parent[last];
    else parent[last] = JUNK[Math.floor(random() * JUNK.length)];
    return copy;
  }

  it("gives the validator's config when it is valid, and an engine that never throws, for 600 random mutations", () => {
    const random = seededRandom(42); // seeded, so a failure reproduces
    const base = VALID_CONFIGS["contract example"];
    let invalid = 0;
    for (let i = 0; i < 600; i++) {
      let input = mutate(base, random);
      if (random() < 0.5) input = mutate(input, random);
      const full = validateConfig(input);
      const guarded = guardConfig(input);
      // Unknown keys (warnings) pass through the guard; zod drops them.
      if (full.ok) expect(guarded, JSON.stringify(input)).toMatchObject({ ok: true, config: full.config });
      if (guarded.ok) expect(() => runEngine(guarded.config), JSON.stringify(input)).not.toThrow();
      if (!full.ok) invalid++;
    }
    expect(invalid).toBeGreaterThan(200); // the corpus really exercises the failure paths
  }, 30_000);
});
