import { describe, expect, it } from "vitest";
import type { SurveyResponse } from "@npskit/core";
import { createApp } from "./app.js";
import { openPglite } from "./db.js";
import { useMigratedDb } from "./db.fixture.js";
import { EXPORT_PAGE } from "./export.js";
import { saveResponses } from "./store.js";
import { makeResponse } from "@npskit/test-support/responses";

const db = useMigratedDb(() => openPglite());

const post = (app: ReturnType<typeof createApp>, body: unknown, headers: Record<string, string> = {}) =>
  app.request("/collect", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

const summary = async (app: ReturnType<typeof createApp>, query = "") =>
  (await app.request(`/api/summary${query}`)).json();

describe("POST /collect", () => {
  it("stores a valid response and answers with its id", async () => {
    const app = createApp({ db });
    const r = makeResponse(9);
    const res = await post(app, r, { "idempotency-key": r.id });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: r.id, result: "created" });
    expect((await summary(app)).nps).toMatchObject({ total: 1, promoters: 1, nps: 100 });
  });

  it("accepts the bodies of every earlier SDK (no status) and the states of a display", async () => {
    const app = createApp({ db });
    // Verbatim what SDK 0.1.0 sends (CONTRACT §4 example).
    const v010 = {
      id: "7b0c1f6e-0000-4000-8000-000000000001",
      surveyId: "nps-q4",
      kind: "nps",
      score: 9,
      category: "promoter",
      comment: "Fast and simple",
      complete: true,
      userId: "user-42",
      anonymousId: "a-1",
      attributes: { plan: "pro" },
      url: "https://app.example.com/app/settings",
      locale: "en",
      createdAt: "2026-11-24T10:00:00.000Z",
      updatedAt: "2026-11-24T10:00:09.000Z",
      sdk: { name: "npskit", version: "0.1.0" },
    };
    expect((await post(app, v010)).status).toBe(200);
    const shown = makeResponse(9, { score: null, category: null, status: "shown", complete: false });
    expect(await (await post(app, shown)).json()).toEqual({ id: shown.id, result: "created" });
    const dismissed = { ...shown, status: "dismissed", updatedAt: "2026-11-24T10:00:04.000Z" };
    expect(await (await post(app, dismissed)).json()).toEqual({ id: shown.id, result: "updated" });
    expect((await post(app, { ...shown, status: "answered" })).status).toBe(400);
    const body = await summary(app);
    expect(body.nps).toMatchObject({ total: 1, promoters: 1 });
    expect(body.responseRate).toMatchObject({ shown: 1, dismissed: 1, answered: 0, rate: 0 });
  });

  it("rejects invalid responses with every reason, by path", async () => {
    const app = createApp({ db });
    const { anonymousId: _, ...missing } = makeResponse(9);
    const res = await post(app, { ...missing, score: 12, createdAt: "yesterday" });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { problems: { path: string; message: string }[] };
    expect(body.problems.map((p) => p.path).sort()).toEqual(["anonymousId", "createdAt", "score"]);
    expect(body.problems.every((p) => p.message.length > 0)).toBe(true);
  });

  it("rejects a score outside the kind's scale and a category that does not fit the score", async () => {
    const app = createApp({ db });
    const csat = await post(app, makeResponse(4, { kind: "csat", score: 9, category: "promoter" }));
    expect(await csat.json()).toMatchObject({
      problems: [{ path: "score", message: expect.stringContaining("between 1 and 5") }],
    });
    // Beyond every scale: the specific reason only, not also the schema's generic one.
    const twelve = await post(app, makeResponse(4, { kind: "csat", score: 12, category: "promoter" }));
    expect(await twelve.json()).toMatchObject({
      problems: [{ path: "score", message: 'score must be between 1 and 5 for kind "csat", got 12' }],
    });
    const mislabelled = await post(app, makeResponse(2, { category: "promoter" }));
    expect(mislabelled.status).toBe(400);
    expect(await mislabelled.json()).toMatchObject({ problems: [{ path: "category" }] });
  });

  it("rejects a body that is not JSON, and an Idempotency-Key that does not match the id", async () => {
    const app = createApp({ db });
    expect((await post(app, "{not json")).status).toBe(400);
    expect((await post(app, makeResponse(9), { "idempotency-key": "another-id" })).status).toBe(400);
    expect((await summary(app)).nps.total).toBe(0);
  });

  it("accepts text/plain bodies (navigator.sendBeacon) and refuses other content types", async () => {
    const app = createApp({ db });
    expect((await post(app, makeResponse(9), { "content-type": "text/plain;charset=UTF-8" })).status).toBe(200);
    expect((await post(app, makeResponse(9), { "content-type": "application/x-www-form-urlencoded" })).status).toBe(
      415,
    );
  });

  it("refuses bodies over the limit with 413", async () => {
    const app = createApp({ db, maxBodyBytes: 1024 });
    const big = makeResponse(9, { comment: "x".repeat(2000) });
    expect((await post(app, big)).status).toBe(413);
    expect((await post(createApp({ db }), { ...big, comment: "y".repeat(4999) })).status).toBe(200);
    expect((await post(createApp({ db }), "x".repeat(65 * 1024))).status).toBe(413);
  });

  it("requires the API key when one is configured, but not for the CORS preflight", async () => {
    const app = createApp({ db, apiKey: "k-123" });
    expect((await post(app, makeResponse(9))).status).toBe(401);
    expect((await post(app, makeResponse(9), { "x-api-key": "k-124" })).status).toBe(401);
    expect((await post(app, makeResponse(9), { "x-api-key": "k-123" })).status).toBe(200);
    const preflight = await app.request("/collect", {
      method: "OPTIONS",
      headers: {
        origin: "https://shop.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "x-api-key",
      },
    });
    expect(preflight.status).toBe(204);
  });

  it("answers CORS preflights with the allowed headers and accepts posts from the configured origins only", async () => {
    const app = createApp({ db, origins: ["https://shop.example"] });
    const preflight = (origin: string) =>
      app.request("/collect", { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST" } });
    const allowed = await preflight("https://shop.example");
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://shop.example");
    expect(allowed.headers.get("access-control-allow-headers")?.split(",").sort()).toEqual([
      "content-type",
      "idempotency-key",
      "x-api-key",
    ]);
    expect((await preflight("https://evil.example")).headers.get("access-control-allow-origin")).toBeNull();
    expect((await post(app, makeResponse(9), { origin: "https://evil.example" })).status).toBe(403);
    const allowedPost = await post(app, makeResponse(9), { origin: "https://shop.example" });
    expect(allowedPost.status).toBe(200);
    expect(allowedPost.headers.get("access-control-allow-origin")).toBe("https://shop.example");
    expect((await post(app, makeResponse(9))).status).toBe(200);
    const open = await createApp({ db }).request("/collect", {
      method: "OPTIONS",
      headers: { origin: "https://any.example", "access-control-request-method": "POST" },
    });
    expect(open.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("is idempotent: retries never double count and an older state never overwrites a newer one", async () => {
    const app = createApp({ db });
    const scored = makeResponse(3, { complete: false, updatedAt: "2026-11-24T10:00:00.000Z" });
    const commented = {
      ...scored,
      score: 10,
      category: "promoter" as const,
      complete: true,
      comment: "Actually great",
      updatedAt: "2026-11-24T10:00:09.000Z",
    };
    const results = [];
    for (const body of [scored, scored, commented, scored, commented])
      results.push(((await (await post(app, body)).json()) as { result: string }).result);
    expect(results).toEqual(["created", "ignored", "updated", "ignored", "ignored"]);
    expect((await summary(app)).nps).toMatchObject({ total: 1, promoters: 1, detractors: 0 });
  });
});

describe("GET /api/summary", () => {
  /** 5 promoters, 2 passives, 3 detractors: NPS 20 in −36.6 .. 67.3 (see insights' summary tests). */
  async function seed(app: ReturnType<typeof createApp>) {
    const rows: SurveyResponse[] = [
      ...[10, 10, 9, 9, 9].map((s) =>
        makeResponse(s, { attributes: { plan: "pro", ltv: 1000 }, comment: "Great reports" }),
      ),
      ...[8, 7].map((s) => makeResponse(s, { attributes: { plan: "free", ltv: 0 } })),
      ...[6, 3, 0].map((s, i) =>
        makeResponse(s, {
          attributes: { plan: "free", ltv: 100 * (i + 1) },
          comment: "Slow sync",
          createdAt: "2026-10-02T10:00:00.000Z",
        }),
      ),
      makeResponse(5, { kind: "csat", surveyId: "csat-support" }),
    ];
    for (const r of rows) expect((await post(app, r)).status).toBe(200);
  }

  it("reports NPS, segments, trend, themes and revenue at risk", async () => {
    const app = createApp({ db });
    await seed(app);
    const body = await summary(app, "?surveyId=nps-q4&segment=plan&period=month");
    expect(body.nps).toEqual({
      total: 10,
      promoters: 5,
      passives: 2,
      detractors: 3,
      nps: 20,
      low: -36.6,
      high: 67.3,
      marginOfError: 52,
    });
    expect(
      body.segments.rows.map((s: { segment: string; nps: number; small: boolean }) => [s.segment, s.nps, s.small]),
    ).toEqual([
      ["free", -60, true],
      ["pro", 100, true],
    ]);
    expect(body.trend.points.map((p: { period: string; total: number }) => [p.period, p.total])).toEqual([
      ["2026-10", 3],
      ["2026-11", 7],
    ]);
    expect(body.themes.detractor).toEqual([{ term: "slow sync", count: 3 }]);
    expect(body.revenueAtRisk).toEqual({
      attribute: "ltv",
      atRisk: 600,
      detractors: 3,
      passiveValue: 0,
      passives: 2,
      totalValue: 5600,
    });
    expect(body.csat.total).toBe(0);
  });

  it("filters by date range, `to` including the whole day", async () => {
    const app = createApp({ db });
    await seed(app);
    expect((await summary(app, "?from=2026-10-01&to=2026-10-02")).nps).toMatchObject({
      total: 3,
      detractors: 3,
      nps: -100,
    });
    expect((await summary(app, "?from=2026-11-01")).nps.total).toBe(7);
    expect((await summary(app)).csat).toMatchObject({ total: 1, goodPercent: 100 });
  });

  it("rejects bad parameters with reasons", async () => {
    const res = await createApp({ db }).request(`/api/summary?period=day&from=soon&segment=${"x".repeat(101)}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { problems: { path: string }[] }).problems.map((p) => p.path).sort()).toEqual([
      "from",
      "period",
      "segment",
    ]);
  });
});

describe("GET /api/export.csv", () => {
  it("exports every response with CSV escaping and formula-injection guards", async () => {
    const app = createApp({ db });
    const r = makeResponse(2, {
      id: "csv-row-000001",
      comment: '=HYPERLINK("http://x") says "hi", bye\nnext',
      attributes: { plan: "+pro", ltv: -5 },
      userId: null,
    });
    await post(app, r);
    const res = await app.request("/api/export.csv");
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain("attachment");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM, for spreadsheet apps
    const [header, row, end] = new TextDecoder().decode(bytes).split("\r\n");
    expect(header).toBe(
      "id,survey_id,kind,score,category,status,complete,comment,user_id,anonymous_id,url,locale,created_at,updated_at,attr.ltv,attr.plan",
    );
    expect(row).toBe(
      `csv-row-000001,nps-q4,nps,2,detractor,,true,"'=HYPERLINK(""http://x"") says ""hi"", bye\nnext",,${r.anonymousId},,,2026-11-24T10:00:00.000Z,2026-11-24T10:00:00.000Z,-5,'+pro`,
    );
    expect(end).toBe("");
  });

  it("filters the export like the summary, and rejects bad filters", async () => {
    const app = createApp({ db });
    await post(app, makeResponse(9, { surveyId: "keep-me" }));
    await post(app, makeResponse(9, { surveyId: "other" }));
    const rows = (await (await app.request("/api/export.csv?surveyId=keep-me")).text()).trim().split("\r\n");
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(",keep-me,");
    expect((await app.request("/api/export.csv?from=someday")).status).toBe(400);
  });

  it("streams columns for the common attribute keys only, however many distinct keys were posted", async () => {
    const app = createApp({ db });
    const flood = Array.from({ length: 40 }, (_, i) =>
      makeResponse(9, {
        attributes: { plan: "pro", ...Object.fromEntries(Array.from({ length: 49 }, (_, k) => [`k-${i}-${k}`, "v"])) },
      }),
    );
    await saveResponses(db, flood);
    const [header, ...rows] = (await (await app.request("/api/export.csv")).text()).trim().split("\r\n");
    const columns = header?.split(",").filter((c) => c.startsWith("attr.")) ?? [];
    expect(columns).toHaveLength(50);
    expect(columns).toContain("attr.plan");
    expect(rows).toHaveLength(40);
  });
});

describe("GET /api/export.ndjson", () => {
  it("streams every response in the wire format, one a line, while /collect and /healthz keep answering", async () => {
    const app = createApp({ db });
    const rows = Array.from({ length: EXPORT_PAGE * 2 + 5 }, (_, i) =>
      makeResponse(i % 11, { createdAt: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString() }),
    );
    await saveResponses(db, rows);
    const res = await app.request("/api/export.ndjson");
    expect(res.headers.get("content-type")).toBe("application/x-ndjson");
    expect(res.headers.get("content-disposition")).toContain('filename="npskit-responses.ndjson"');
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let received = decoder.decode((await reader.read()).value, { stream: true });
    // One page has left; the rest is read only when asked for, and the store serves others meanwhile.
    expect(received.split("\n").length - 1).toBe(EXPORT_PAGE);
    expect((await post(app, makeResponse(9, { createdAt: "2027-01-01T00:00:00.000Z" }))).status).toBe(200);
    expect((await app.request("/healthz")).status).toBe(200);
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      received += decoder.decode(chunk.value, { stream: true });
    const lines = received
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as SurveyResponse);
    expect(lines.slice(0, rows.length)).toEqual(rows);
    expect(lines).toHaveLength(rows.length + 1);
  });
});

describe("GET /report", () => {
  it("renders the numbers and escapes every user string, under a strict CSP", async () => {
    const app = createApp({ db });
    await post(
      app,
      makeResponse(1, {
        comment: "<script>alert(1)</script> & co",
        attributes: { plan: '"><img src=x onerror=alert(1)>' },
      }),
    );
    await post(app, makeResponse(10, { comment: "Love it" }));
    const res = await app.request("/report?segment=plan");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toMatch(/default-src 'none'; style-src 'sha256-/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const page = await res.text();
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co");
    expect(page).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    expect(page).not.toContain("<script");
    expect(page).not.toContain("<img");
    expect(page).toContain("NPS by plan");
    expect(page).toContain("Detractors to contact");
    expect(page).toMatch(/class="score tentative">0\.0 <small>± 100\.0<\/small>/);
    expect(page).toContain(
      "2 answers: too few to read as a score. The true NPS is likely anywhere from -100.0 to +100.0.",
    );
  });

  it("says 'not enough answers' for a change from one answer, never 'beyond the margin'", async () => {
    // 1 December: the month's only answer, a 10, after a November of 28 answers (NPS +28.6).
    const app = createApp({ db });
    const november = [...Array(12).fill(10), ...Array(8).fill(8), ...Array(4).fill(2), ...Array(4).fill(5)].map(
      (score: number, i) =>
        makeResponse(score, { createdAt: `2026-11-${String(1 + (i % 28)).padStart(2, "0")}T10:00:00.000Z` }),
    );
    for (const r of [...november, makeResponse(10, { createdAt: "2026-12-01T09:00:00.000Z" })]) await post(app, r);
    const page = await (await app.request("/report")).text();
    expect(page).toContain("Not enough answers to call a change");
    expect(page).toContain("(fewer than 30 in 2026-12)");
    expect(page).not.toMatch(/beyond|a real change/);
    // The December point is drawn as tentative: hollow, with an "n=1" label and a hatched band.
    expect(page).toMatch(
      /<circle [^>]*class="small"><title>2026-12: NPS \+100\.0, 95% interval -100\.0 to \+100\.0 \(n=1\)/,
    );
    expect(page).toContain(">n=1</text>");
    expect(page).toContain('fill="url(#hatch-wide)"');
  });

  it("shows the response rate of recorded displays, and the currency asked for", async () => {
    const app = createApp({ db });
    const shown = makeResponse(9, { score: null, category: null, status: "shown", complete: false });
    await post(app, { ...shown, status: "dismissed", updatedAt: "2026-11-24T10:00:05.000Z" });
    await post(app, makeResponse(2, { status: "answered", attributes: { ltv: 1234 } }));
    const page = await (await app.request("/report?currency=eur")).text();
    expect(page).toMatch(/Response rate<\/h2>\s*<div class="big">50\.0%/);
    expect(page).toContain("1 answered of 2 displays · 0 completed · 1 dismissed");
    expect(page).toContain("€1,234");
    expect((await app.request("/report?currency=euro")).status).toBe(400);
  });

  it("still renders, with a 400 status, when parameters are invalid", async () => {
    const res = await createApp({ db }).request("/report?period=decade");
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Net Promoter Score");
  });
});
