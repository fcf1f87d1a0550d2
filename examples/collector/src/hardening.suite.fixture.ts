// A collector on the internet (README "Deploying"): who may read, from which Host, which identities
// are trusted, how often a client may post, and bad input answered with 4xx and a path, never 5xx.
// Run against PGlite and a PostgreSQL server: what the database cannot hold must never reach it.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { SurveyResponse } from "@npskit/core";
import { createApp, type AppOptions } from "./app.js";
import type { Db } from "./db.js";
import { useMigratedDb } from "./db.fixture.js";
import { userHashOf } from "./secrets.js";
import { makeResponse } from "@npskit/test-support/responses";

const TOKEN = "read-token-0123456789";
const SECRET = "identity-secret-0123456789";
const READS = ["/api/summary", "/api/export.csv", "/report"];

type App = ReturnType<typeof createApp>;
/** What @hono/node-server passes as env: the connection, whose peer address the guards read. */
const peer = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
const post = (app: App, body: unknown, headers: Record<string, string> = {}, env?: object) =>
  app.request(
    "/collect",
    {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    },
    env,
  );
const problemsOf = async (res: Response) =>
  ((await res.json()) as { problems: { path: string; message: string }[] }).problems;

export function describeHardening(name: string, open: () => Promise<Db>): void {
  describe(`a collector on the internet, on ${name}`, () => {
    const db = useMigratedDb(open);
    const app = (options: Omit<AppOptions, "db"> = {}) => createApp({ db, log: () => {}, ...options });
    const stored = async () =>
      (await db.query<{ data: SurveyResponse }>("SELECT data FROM responses ORDER BY id")).rows.map((r) => r.data);
    afterEach(() => vi.restoreAllMocks());

    describe("reads need a credential", () => {
      it("with NPSKIT_READ_TOKEN, every read route needs it as Bearer or as the Basic password; else 401 and no data", async () => {
        const collector = app({ readToken: TOKEN, apiKey: "public-write-key" });
        expect(
          (
            await post(collector, makeResponse(2, { comment: "Private complaint" }), {
              "x-api-key": "public-write-key",
            })
          ).status,
        ).toBe(200);
        for (const path of READS) {
          for (const authorization of [
            undefined,
            "Bearer wrong-token-0123456789",
            basic("team", "wrong"),
            `Bearer ${TOKEN}x`,
            "Bearer public-write-key",
          ]) {
            const res = await collector.request(path, { headers: authorization ? { authorization } : {} });
            expect(res.status, `${path} ${authorization}`).toBe(401);
            expect(res.headers.get("www-authenticate")).toBe('Basic realm="npskit"');
            expect(await res.text()).not.toContain("Private complaint");
          }
          // The write key is public (it ships in page source): never a read credential.
          expect((await collector.request(path, { headers: { "x-api-key": "public-write-key" } })).status).toBe(401);
          expect((await collector.request(path, { headers: { authorization: `Bearer ${TOKEN}` } })).status, path).toBe(
            200,
          );
          expect(
            (await collector.request(path, { headers: { authorization: basic("anyone", TOKEN) } })).status,
            path,
          ).toBe(200);
          expect((await collector.request(path, { headers: { authorization: basic("", TOKEN) } })).status, path).toBe(
            200,
          );
        }
        expect((await collector.request("/healthz")).status).toBe(200);
      });

      it("without a token, reads are for this machine only: not from another address, not through a proxy", async () => {
        const collector = app();
        expect((await collector.request("/api/summary", {}, peer("127.0.0.1"))).status).toBe(200);
        expect((await collector.request("/api/summary", {}, peer("::ffff:127.0.0.1"))).status).toBe(200);
        expect((await collector.request("/api/summary", {}, peer("203.0.113.9"))).status).toBe(403);
        const proxied = await collector.request(
          "/report",
          { headers: { "x-forwarded-for": "203.0.113.9" } },
          peer("127.0.0.1"),
        );
        expect(proxied.status).toBe(403);
        expect(await proxied.json()).toEqual({ error: "reads from another machine need NPSKIT_READ_TOKEN to be set" });
        // Answers still come in from anywhere.
        expect((await post(collector, makeResponse(9), {}, peer("203.0.113.9"))).status).toBe(200);
      });

      it("answers reads only for loopback names and NPSKIT_ALLOWED_HOSTS (DNS rebinding gets nothing)", async () => {
        await post(app(), makeResponse(2, { comment: "Private complaint" }));
        const local = app();
        for (const url of [
          "http://localhost:8787",
          "http://127.0.0.1:8787",
          "http://[::1]:8787",
          "http://app.localhost",
        ]) {
          expect((await local.request(`${url}/api/summary`)).status, url).toBe(200);
        }
        const rebound = await local.request("http://attacker.example:8787/api/export.csv");
        expect(rebound.status).toBe(403);
        expect(await rebound.text()).not.toContain("Private complaint");
        const listed = app({ readToken: TOKEN, allowedHosts: ["nps.example.com", "reports.example.com:8443"] });
        const read = (url: string) => listed.request(url, { headers: { authorization: `Bearer ${TOKEN}` } });
        expect((await read("https://nps.example.com/report")).status).toBe(200);
        expect((await read("https://NPS.Example.com:9000/report")).status).toBe(200);
        expect((await read("https://reports.example.com:8443/report")).status).toBe(200);
        expect((await read("https://reports.example.com/report")).status).toBe(403);
        expect((await read("https://nps.example.com.attacker.example/report")).status).toBe(403);
        expect(await (await read("https://attacker.example/api/summary")).json()).toEqual({
          error: "host attacker.example is not allowed: add it to NPSKIT_ALLOWED_HOSTS",
        });
      });
    });

    describe("verified identities (NPSKIT_IDENTITY_SECRET)", () => {
      it("accepts an answer whose userHash proves its userId, refuses a missing (401) or wrong (403) one, by path", async () => {
        const collector = app({ identitySecret: SECRET });
        const missing = await post(collector, makeResponse(9, { userId: "user-42" }));
        expect(missing.status).toBe(401);
        expect(await problemsOf(missing)).toEqual([
          { path: "userHash", message: "required with a userId: identify(userId, attributes, { userHash })" },
        ]);
        const wrong = await post(
          collector,
          makeResponse(9, { userId: "user-42", userHash: userHashOf(SECRET, "user-43") }),
        );
        expect(wrong.status).toBe(403);
        expect(await problemsOf(wrong)).toEqual([{ path: "userHash", message: "does not match the userId" }]);
        expect(
          (
            await post(
              collector,
              makeResponse(9, { userId: "user-42", userHash: userHashOf("another-secret-0123456", "user-42") }),
            )
          ).status,
        ).toBe(403);
        expect(
          (await post(collector, makeResponse(9, { userId: "user-42", userHash: userHashOf(SECRET, "user-42") })))
            .status,
        ).toBe(200);
        expect(
          (
            await post(
              collector,
              makeResponse(9, { userId: "user-7", userHash: userHashOf(SECRET, "user-7").toUpperCase() }),
            )
          ).status,
        ).toBe(200);
        const { userId: _, ...anonymous } = makeResponse(9);
        expect((await post(collector, anonymous)).status).toBe(200);
        expect((await post(collector, makeResponse(9, { userId: null }))).status).toBe(200);
        expect((await stored()).map((r) => r.userId ?? null).sort()).toEqual([null, null, "user-42", "user-7"].sort());
      });

      it("never stores or exports the hash, whether or not it is checked", async () => {
        const hash = userHashOf(SECRET, "user-42");
        await post(
          app({ identitySecret: SECRET }),
          makeResponse(9, { id: "hash-checked-01", userId: "user-42", userHash: hash }),
        );
        await post(app(), makeResponse(9, { id: "hash-unchecked", userId: "user-42", userHash: hash }));
        expect((await stored()).map((r) => r.id)).toEqual(["hash-checked-01", "hash-unchecked"]);
        expect(JSON.stringify(await stored())).not.toContain(hash);
        const csv = await (await app().request("/api/export.csv")).text();
        expect(csv).toContain("user-42");
        expect(csv).not.toContain(hash);
      });
    });

    describe("bad input is a 4xx with a path, never a 5xx", () => {
      it("stores text PostgreSQL cannot hold (NUL, lone surrogates) with each such character replaced by U+FFFD", async () => {
        const response = makeResponse(2, {
          id: "nul-and-surrogates",
          comment: "bad\u0000byte, lone \ud800 high, lone \udc00 low, pair 👍",
          userId: "user\u0000-1",
          attributes: { "pl\u0000an": "pro\ud83d", note: "fine" },
        });
        const res = await post(app(), response);
        expect(res.status).toBe(200);
        const [saved] = await stored();
        expect(saved?.comment).toBe("bad\ufffdbyte, lone \ufffd high, lone \ufffd low, pair 👍");
        expect(saved?.userId).toBe("user\ufffd-1");
        expect(saved?.attributes).toEqual({ "pl\ufffdan": "pro\ufffd", note: "fine" });
        expect((await app().request("/api/export.csv")).status).toBe(200);
        expect((await app().request("/report")).status).toBe(200);
      });

      it("stores the page address of an earlier SDK cut to 2048 characters instead of refusing the answer", async () => {
        const url = `https://app.example.com/a?state=${"x".repeat(3000)}`;
        const res = await post(app(), makeResponse(2, { id: "long-page-address", url }));
        expect(res.status).toBe(200);
        const [saved] = await stored();
        expect(saved?.url).toBe(url.slice(0, 2048));
        // Cut before an emoji it would split (half of one cannot be stored).
        const emoji = `https://app.example.com/${"x".repeat(2023)}👍`;
        expect((await post(app(), makeResponse(2, { id: "address-cut-in-emoji", url: emoji }))).status).toBe(200);
        expect((await stored()).find((r) => r.id === "address-cut-in-emoji")?.url).toBe(emoji.slice(0, 2047));
      });

      it("stores an attribute cut to 500 characters whole when the cut falls inside an emoji", async () => {
        const note = `${"x".repeat(499)}👍 and more`;
        const res = await post(app(), makeResponse(2, { id: "cut-inside-emoji", attributes: { note } }));
        expect(res.status).toBe(200);
        const [saved] = await stored();
        expect(saved?.attributes).toEqual({ note: "x".repeat(499) });
      });

      it("refuses answer times outside 2000–2099 with 400 and the path", async () => {
        const res = await post(
          app(),
          makeResponse(9, { createdAt: "0000-01-01T00:00:00Z", updatedAt: "9999-12-31T23:59:59.999Z" }),
        );
        expect(res.status).toBe(400);
        expect((await problemsOf(res)).map((p) => p.path)).toEqual(["createdAt", "updatedAt"]);
        expect((await post(app(), makeResponse(9, { createdAt: "1999-12-31T23:59:59Z" }))).status).toBe(400);
        expect(await stored()).toEqual([]);
      });

      it("stores attributes beyond the bounds trimmed as the SDK trims them (an earlier SDK sent them): first 50 names, text cut", async () => {
        const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, "v".repeat(500)]));
        const older = makeResponse(9, {
          attributes: { ["n".repeat(65)]: 1, ...fifty, one: 1, plan: "p".repeat(501) } as Record<
            string,
            string | number
          >,
        });
        const res = await post(app(), { ...older, attributes: { ...older.attributes, nested: { a: 1 }, list: [1] } });
        expect(res.status).toBe(200);
        const saved = (await stored()).find((r) => r.id === older.id);
        expect(saved?.attributes).toEqual(fifty);
        const trimmed = makeResponse(8, { id: "other-answer", attributes: { plan: "p".repeat(501) } });
        expect((await post(app(), trimmed)).status).toBe(200);
        expect((await stored()).find((r) => r.id === "other-answer")?.attributes).toEqual({ plan: "p".repeat(500) });
        expect((await post(app(), makeResponse(7, { id: "junk-answer", attributes: "plan" as never }))).status).toBe(
          400,
        );
      });

      it("refuses read parameters out of range or with control characters: 400 with a message, the report with a notice", async () => {
        await post(app(), makeResponse(9, { comment: "Visible anyway" }));
        const cases: [string, string][] = [
          ["from=275760-09-13", "from"],
          ["to=275760-09-13", "to"],
          ["from=1999-12-31", "from"],
          ["to=2026-02-31", "to"],
          ["from=2026-11-01T25:00:00Z", "from"],
          ["surveyId=nps%00q4", "surveyId"],
          [`surveyId=${"s".repeat(101)}`, "surveyId"],
          ["segment=pl%0Aan", "segment"],
          ["value=l%7Ftv", "value"],
          ["period=%00", "period"],
        ];
        for (const [query, path] of cases) {
          for (const route of ["/api/summary", "/api/export.csv"]) {
            const res = await app().request(`${route}?${query}`);
            expect(res.status, `${route}?${query}`).toBe(400);
            expect(
              (await problemsOf(res)).map((p) => p.path),
              query,
            ).toEqual([path]);
          }
          const report = await app().request(`/report?${query}`);
          expect(report.status, query).toBe(400);
          const page = await report.text();
          expect(page).toMatch(
            new RegExp(`<p class="notice" role="alert">Filters ignored, showing every answer: ${path} must`),
          );
          expect(page).toContain("Visible anyway");
        }
      });

      it("never answers 500 for a far-future, a year-0 or a NUL-laden request (the SDK would retry it for 30 days)", async () => {
        const bodies = [
          makeResponse(9, { updatedAt: "+275760-09-13T00:00:00.000Z" }),
          makeResponse(9, { createdAt: "0000-01-01T00:00:00.000Z" }),
          makeResponse(9, { surveyId: "nps\u0000q4", anonymousId: "\udfff" }),
          '{"id":' + "[".repeat(20_000) + "]".repeat(20_000) + "}",
        ];
        for (const body of bodies) expect((await post(app(), body)).status).toBeLessThan(500);
      });
    });

    describe("logs", () => {
      it("name a refused response by id and problem paths, never its comment, attribute values or user id", async () => {
        const lines: string[] = [];
        const collector = createApp({ db, identitySecret: SECRET, log: (line) => lines.push(line) });
        const personal = {
          comment: "My manager Jane is awful",
          userId: "jane.doe@example.com",
          attributes: { plan: "secret-plan-name" },
        };
        await post(collector, { ...makeResponse(9, { id: "refused-0000001", ...personal }), score: 12 });
        await post(collector, makeResponse(9, { id: "refused-0000002", ...personal }));
        await post(collector, "{not json");
        expect(lines).toEqual([
          '[npskit] refused response refused-0000001: 400 at "score"',
          '[npskit] refused response refused-0000002: 401 at "userHash"',
          '[npskit] refused a post: 400 at ""',
        ]);
      });

      it("log a 500 as the error's stack, never the request body or the database's quote of it", async () => {
        const query = async (): Promise<never> => {
          throw Object.assign(new Error("unsupported Unicode escape sequence"), {
            detail: "My manager Jane is awful",
            where: "JSON data, line 1",
          });
        };
        const failing: Db = { query, transaction: (work) => work({ query }), close: async () => {} };
        const errors = vi.spyOn(console, "error").mockImplementation(() => {});
        const res = await post(createApp({ db: failing }), makeResponse(9, { comment: "My manager Jane is awful" }));
        expect(res.status).toBe(500);
        const logged = errors.mock.calls.map((call) => call.map(String).join(" ")).join("\n");
        expect(logged).toContain("[npskit] internal error: Error: unsupported Unicode escape sequence");
        expect(logged).not.toContain("Jane");
      });
    });

    describe("rate limit (NPSKIT_RATE_LIMIT)", () => {
      it("answers 429 with Retry-After (readable cross-origin) once a client used its posts per minute, and refills", async () => {
        let now = 1_000_000;
        const collector = app({ rateLimit: 2, now: () => now });
        const from = (address: string, headers: Record<string, string> = {}) =>
          post(collector, makeResponse(9), headers, peer(address));
        expect((await from("198.51.100.1")).status).toBe(200);
        expect((await from("198.51.100.1")).status).toBe(200);
        const limited = await from("198.51.100.1", { origin: "https://shop.example" });
        expect(limited.status).toBe(429);
        expect(limited.headers.get("retry-after")).toBe("30");
        expect(limited.headers.get("access-control-expose-headers")).toBe("retry-after");
        expect((await from("198.51.100.2")).status).toBe(200); // another client
        now += 30_000;
        expect((await from("198.51.100.1")).status).toBe(200);
        expect((await from("198.51.100.1")).status).toBe(429);
        expect((await stored()).length).toBe(4);
      });

      it("tells clients apart by X-Forwarded-For only with NPSKIT_TRUST_PROXY, by the entry the proxy appended", async () => {
        const proxy = "127.0.0.1";
        const direct = app({ rateLimit: 1 });
        expect((await post(direct, makeResponse(9), { "x-forwarded-for": "203.0.113.1" }, peer(proxy))).status).toBe(
          200,
        );
        expect((await post(direct, makeResponse(9), { "x-forwarded-for": "203.0.113.2" }, peer(proxy))).status).toBe(
          429,
        );
        const proxied = app({ rateLimit: 1, trustProxy: true });
        expect((await post(proxied, makeResponse(9), { "x-forwarded-for": "203.0.113.1" }, peer(proxy))).status).toBe(
          200,
        );
        expect((await post(proxied, makeResponse(9), { "x-forwarded-for": "203.0.113.2" }, peer(proxy))).status).toBe(
          200,
        );
        // A client claiming another address: the proxy appends the real one, which is what counts.
        expect(
          (await post(proxied, makeResponse(9), { "x-forwarded-for": "198.51.100.7, 203.0.113.1" }, peer(proxy)))
            .status,
        ).toBe(429);
      });
    });
  });
}
