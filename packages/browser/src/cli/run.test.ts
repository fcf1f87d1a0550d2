import { describe, expect, it } from "vitest";
import { npsMarginOfError } from "@npskit/core";
import { runCli } from "./run.js";

const NOW = Date.parse("2026-11-25T12:00:00Z");

const FIVE_MISTAKES = JSON.stringify({
  endpont: "/collect",
  theme: { accent: "indigo" },
  surveys: [
    { id: "nps-q4", kind: "NPS", audience: { sample: 2, attributes: [{ key: "plan", op: "in", value: "pro" }] } },
    { id: "nps-q4", trigger: { event: "checkout" }, schedule: { start: "2026-12-31", end: "2026-10-01" } },
  ],
});

function run(argv: string[], files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io = {
    readFile: async (path: string) => {
      if (!(path in files)) throw new Error(`ENOENT: no such file, open '${path}'`);
      return files[path]!;
    },
    out: (l: string) => out.push(l),
    err: (l: string) => err.push(l),
    now: () => NOW,
  };
  return runCli(argv, io).then((code) => ({ code, out: out.join("\n"), err: err.join("\n") }));
}

describe("npskit validate", () => {
  it("exits 0 for a valid config", async () => {
    const r = await run(["validate", "ok.json"], { "ok.json": '{"endpoint":"/c","surveys":[{"id":"a"}]}' });
    expect(r).toEqual({ code: 0, out: "✓ ok.json is valid (1 survey)", err: "" });
  });

  it("exits 1 listing every problem by path, then the warnings", async () => {
    const r = await run(["validate", "bad.json"], { "bad.json": FIVE_MISTAKES });
    expect(r.code).toBe(1);
    expect(r.err.split("\n")).toEqual([
      "✗ bad.json has 7 problems:",
      "  - endpoint is required (or set configUrl, or pass a transport function in code)",
      '  - theme.accent must be a hex color such as "#4f46e5", got "indigo"',
      '  - surveys[0].kind must be one of "nps", "enps", "csat", "ces", got "NPS"',
      "  - surveys[0].audience.sample must be between 0 and 1, got 2",
      '  - surveys[0].audience.attributes[0].value must be a list such as ["pro", "team"] for op "in"',
      '  - surveys[1].id "nps-q4" is already used by surveys[0]; survey ids must be unique',
      '  - surveys[1].schedule.end must be after start (2026-12-31), got "2026-10-01"',
      "1 warning:",
      '  - endpont is not a known option and is ignored (did you mean "endpoint"?)',
    ]);
  });

  it("shows a JSON syntax error at its line and column, with the line and a caret", async () => {
    const text = '{\n  "endpoint": "/c",\n  "surveys": [\n    { "id": "a", }\n  ]\n}\n';
    const r = await run(["validate", "x.json"], { "x.json": text });
    expect(r.code).toBe(1);
    expect(r.err.split("\n")).toEqual([
      "✗ x.json is not valid JSON: Expected double-quoted property name at line 4, column 18",
      '  4 |     { "id": "a", }',
      "    |                  ^",
    ]);
    const cut = await run(["validate", "cut.json"], { "cut.json": '{ "endpoint": "/c"' });
    expect(cut.err).toMatch(
      /^✗ cut.json is not valid JSON: .+ at line 1, column 19\n {2}1 \| \{ "endpoint": "\/c"\n {4}\| {19}\^$/,
    );
  });

  it("cannot read a missing file: exit 2", async () => {
    expect(await run(["validate", "missing.json"])).toMatchObject({
      code: 2,
      err: expect.stringContaining("cannot read missing.json"),
    });
  });

  it("prints machine-readable results with --json", async () => {
    const r = await run(["validate", "bad.json", "--json"], { "bad.json": FIVE_MISTAKES });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).problems).toHaveLength(7);
  });
});

describe("npskit simulate", () => {
  const config = JSON.stringify({
    endpoint: "/c",
    surveys: [
      { id: "nps-q4", audience: { sample: 0.25, urls: { include: ["/app/**"] } } },
      { id: "all" },
      {
        id: "pro",
        audience: {
          attributes: [
            { key: "plan", op: "eq", value: "pro" },
            { key: "signupDate", op: "olderThanDays", value: 30 },
          ],
        },
      },
    ],
  });
  const files = { "c.json": config };

  it("says which rule removed how many simulated users, once each", async () => {
    const r = await run(["simulate", "c.json", "--users", "10000"], files);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines[0]).toBe("Simulated 10,000 new users at 2026-11-25T12:00:00.000Z, each survey's trigger firing once.");
    const nps =
      /^nps-q4 +([\d,]+) shown \([\d.]+%\); removed ([\d,]+) by audience\.urls, ([\d,]+) by audience\.sample 0\.25$/.exec(
        lines.find((l) => l.startsWith("nps-q4"))!,
      );
    const [shown, page, sample] = nps!.slice(1).map((n) => Number(n.replace(/,/g, "")));
    expect(shown! + page! + sample!).toBe(10_000);
    expect(shown).toBeGreaterThan(1400); // ≈ 65% on /app × 25%
    expect(shown).toBeLessThan(1900);
    expect(lines.find((l) => l.startsWith("all "))).toMatch(/^all +10,000 shown \(100\.0%\)$/);
  });

  it("suggests --attr when attribute rules removed everyone", async () => {
    const r = await run(["simulate", "c.json"], files);
    const at = r.out.split("\n").findIndex((l) => l.startsWith("pro "));
    expect(r.out.split("\n")[at]).toMatch(/^pro +0 shown \(0\.0%\); removed 10,000 by audience\.attributes$/);
    expect(r.out.split("\n")[at + 1]!.trim()).toBe(
      "simulated users have no attributes: give them yours, e.g. --attr plan=pro --attr signupDate=2026-10-25",
    );
    const given = await run(["simulate", "c.json", "--attr", "plan=pro", "--attr", "signupDate=2026-10-25"], files);
    expect(given.out).toMatch(/^pro +10,000 shown/m);
  });

  it("takes a fixed page, device, locale, attributes and moment", async () => {
    const r = await run(
      [
        "simulate",
        "c.json",
        "--users",
        "100",
        "--url",
        "/pricing",
        "--device=mobile",
        "--locale",
        "de-DE",
        "--attr",
        "plan=pro",
        "--now",
        "2027-01-01",
        "--json",
      ],
      files,
    );
    const sim = JSON.parse(r.out);
    expect(sim.now).toBe("2027-01-01T00:00:00.000Z");
    expect(sim.surveys[0]).toMatchObject({ shown: 0, byReason: { url: 100 }, removedBy: { url: 100 } });
  });

  it("refuses unknown options and values, listing the valid ones (exit 2)", async () => {
    const bogus = await run(["simulate", "c.json", "--bogus"], files);
    expect(bogus).toMatchObject({
      code: 2,
      err: expect.stringMatching(
        /^npskit simulate: unknown option --bogus; valid options for simulate: --users, --url, --device, --locale, --attr, --now, /,
      ),
    });
    expect(await run(["simulate", "c.json", "--locale", "xx"], files)).toMatchObject({
      code: 2,
      err: expect.stringContaining('such as en-US, de-DE, fr-FR, es-ES, pt-BR, ja-JP, ar-SA; got "xx"'),
    });
    expect(await run(["simulate", "c.json", "--device", "phone"], files)).toMatchObject({
      code: 2,
      err: expect.stringContaining('one of desktop, mobile, tablet, got "phone"'),
    });
    expect(await run(["simulate", "c.json", "--users", "lots"], files)).toMatchObject({
      code: 2,
      err: expect.stringContaining("--users must be"),
    });
    expect(await run(["simulate", "c.json", "--users", "--json"], files)).toMatchObject({
      code: 2,
      err: expect.stringContaining("--users needs a value, such as --users 10000"),
    });
    expect(await run(["simulate", "c.json", "--attr", "tier=gold"], files)).toMatchObject({
      code: 2,
      err: expect.stringContaining('--attr "tier": no survey has a rule on it; the rules use plan, signupDate'),
    });
    expect(await run(["validate", "c.json", "--users", "5"], files)).toMatchObject({
      code: 2,
      err: expect.stringContaining("valid options for validate: --json"),
    });
    expect(await run(["validate", "c.json", "other.json"], files)).toMatchObject({
      code: 2,
      err: expect.stringContaining('unexpected argument "other.json"'),
    });
  });

  it("refuses an invalid config", async () => {
    expect((await run(["simulate", "bad.json"], { "bad.json": FIVE_MISTAKES })).code).toBe(1);
  });

  it("without observed rates, says which flags give a forecast", async () => {
    expect((await run(["simulate", "c.json"], files)).out).toContain(
      "Add --monthly-users N --response-rate 0.15, or --summary summary.json.",
    );
  });
});

describe("npskit simulate with observed rates", () => {
  const config = JSON.stringify({
    endpoint: "/c",
    surveys: [{ id: "nps-q4", trigger: { event: "checkout" }, audience: { sample: 0.25 } }],
  });
  const summary = JSON.stringify({
    filters: { surveyId: "nps-q4" },
    nps: { total: 400, promoters: 200, passives: 120, detractors: 80, nps: 30, marginOfError: 8.2 },
    trend: {
      period: "month",
      points: [
        { period: "2026-09", start: "2026-09-01T00:00:00.000Z", total: 150 },
        { period: "2026-10", start: "2026-10-01T00:00:00.000Z", total: 250 },
      ],
    },
  });
  const files = { "c.json": config, "summary.json": summary };
  const row = (out: string) =>
    out
      .split("\n")
      .find((l) => /^nps-q4\s+0\.25\s/.test(l))!
      .trim()
      .split(/\s{2,}/);

  it("answers a month, their margin, and the sample for ±5, from flags", async () => {
    const r = await run(
      [
        "simulate",
        "c.json",
        "--monthly-users",
        "20000",
        "--response-rate",
        "20%",
        "--promoters",
        "0.5",
        "--detractors",
        "0.2",
      ],
      files,
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain("20,000 people reach each trigger; 20.0% of those shown answer");
    const [, sample, shown, answers, margin, needed] = row(r.out);
    expect([sample, shown, answers]).toEqual(["0.25", "5,000", "1,000"]);
    expect(margin).toBe(`±${npsMarginOfError(1000, 0.5, 0.2).toFixed(1)}`);
    expect(Number(needed)).toBeGreaterThan(0.15);
    expect(Number(needed)).toBeLessThan(0.25);
    expect(r.out).toMatch(/±5 points in a month takes [\d,]+ answers \(adjusted Wald 95% margin\)\./);
  });

  it("reads the answer mix and answers a month from a collector's /api/summary, working out the missing rate", async () => {
    const r = await run(["simulate", "c.json", "--summary", "summary.json", "--monthly-users", "20000"], files);
    expect(r.code).toBe(0);
    expect(r.out).toContain("observed: summary.json: promoters, detractors, answersPerMonth; flags: monthlyUsers");
    expect(r.out).toContain("4.0% of those shown answer, worked out from the answers a month"); // 200 / (20,000 × 0.25)
    expect(r.out).toContain("promoters 50.0%, detractors 20.0%");
    expect(row(r.out).slice(1, 4)).toEqual(["0.25", "5,000", "200"]);
    const json = JSON.parse(
      (await run(["simulate", "c.json", "--summary", "summary.json", "--monthly-users", "20000", "--json"], files)).out,
    );
    expect(json.forecast.surveys[0]).toMatchObject({ surveyId: "nps-q4", answersPerMonth: expect.closeTo(200, 6) });
  });

  it("says what is missing, and when even sample 1 is not enough", async () => {
    expect(await run(["simulate", "c.json", "--monthly-users", "1000"], files)).toMatchObject({
      code: 2,
      err: expect.stringContaining("needs the response rate"),
    });
    const few = await run(["simulate", "c.json", "--monthly-users", "1000", "--response-rate", "0.1"], files);
    expect(row(few.out)[5]).toMatch(/^over 1 \(needs [\d,]+ answers\)$/);
    expect(few.out).toContain("assumed 50% / 50%, the widest margin");
    expect(await run(["simulate", "c.json", "--summary", "c.json"], files)).toMatchObject({
      code: 2,
      err: expect.stringContaining("is it a collector's /api/summary JSON?"),
    });
  });
});

describe("npskit", () => {
  it("prints usage: for help (exit 0), with no arguments or an unknown command (exit 2)", async () => {
    expect(await run(["--help"])).toMatchObject({
      code: 0,
      out: expect.stringContaining("npskit validate <config.json>"),
    });
    expect(await run([])).toMatchObject({
      code: 2,
      out: "",
      err: expect.stringContaining("npskit simulate <config.json> [options]"),
    });
    expect(await run(["deploy", "x"])).toMatchObject({
      code: 2,
      err: expect.stringContaining('unknown command "deploy"; the commands are validate and simulate'),
    });
    expect(await run(["validate"])).toMatchObject({ code: 2, err: expect.stringContaining("which config file?") });
  });
});
