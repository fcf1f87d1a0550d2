import { describe, expect, it } from "vitest";
import { runCli } from "./cli.js";
import { NOW } from "./test-support.test-data.js";

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

  it("reports JSON syntax errors and unreadable files", async () => {
    expect(await run(["validate", "x.json"], { "x.json": "{ endpoint: 1 }" })).toMatchObject({ code: 1, err: expect.stringMatching(/^✗ x.json is not valid JSON: /) });
    expect(await run(["validate", "missing.json"])).toMatchObject({ code: 2, err: expect.stringContaining("cannot read missing.json") });
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
    surveys: [{ id: "nps-q4", audience: { sample: 0.25, urls: { include: ["/app/**"] } } }, { id: "all" }],
  });

  it("prints a table of shown and excluded users by reason", async () => {
    const r = await run(["simulate", "c.json", "--users", "10000"], { "c.json": config });
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines[0]).toBe("Simulated 10,000 new users at 2026-11-25T12:00:00.000Z, each survey's trigger firing once.");
    expect(lines.find((l) => l.startsWith("survey"))).toMatch(/^survey\s+shown\s+excluded\s+schedule\s+page\s+device\s+locale\s+attributes\s+sampled out$/);
    expect(lines.find((l) => l.startsWith("all "))).toMatch(/^all\s+10000 \(100\.0%\)\s+0 \(0\.0%\)(\s+0){6}$/);
    const nps = lines.find((l) => l.startsWith("nps-q4"))!.split(/\s{2,}/);
    expect(Number(nps[1]!.split(" ")[0])).toBeGreaterThan(1400); // ≈ 65% on /app × 25%
    expect(Number(nps[1]!.split(" ")[0])).toBeLessThan(1900);
  });

  it("takes a fixed page, device, locale, attributes and moment", async () => {
    const r = await run(
      ["simulate", "c.json", "--users", "100", "--url", "/pricing", "--device", "mobile", "--attr", "plan=pro", "--now", "2027-01-01", "--json"],
      { "c.json": config },
    );
    const sim = JSON.parse(r.out);
    expect(sim.now).toBe("2027-01-01T00:00:00.000Z");
    expect(sim.surveys[0]).toMatchObject({ shown: 0, byReason: { url: 100 } });
  });

  it("refuses an invalid config and bad flags", async () => {
    expect((await run(["simulate", "bad.json"], { "bad.json": FIVE_MISTAKES })).code).toBe(1);
    expect(await run(["simulate", "c.json", "--users", "lots"], { "c.json": config })).toMatchObject({ code: 2, err: expect.stringContaining("--users must be") });
    expect(await run(["simulate", "c.json", "--device", "phone"], { "c.json": config })).toMatchObject({ code: 2 });
  });
});

describe("npskit", () => {
  it("prints usage for help and for unknown commands", async () => {
    expect(await run(["--help"])).toMatchObject({ code: 0, out: expect.stringContaining("npskit validate <config.json>") });
    expect(await run(["deploy", "x"])).toMatchObject({ code: 2, err: expect.stringContaining('unknown command "deploy"') });
    expect(await run(["validate"])).toMatchObject({ code: 2, err: expect.stringContaining("which config file?") });
  });
});
