import type { SurveyResponse } from "@npskit/core";
import { DAY_MS } from "@npskit/core/runtime";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { fakeFetch, fakeLocks, fakeWindow, memoryStorage, response } from "../test/fakes.js";
import { posthogAdapter, segmentAdapter } from "./adapters.js";
import { createClient, type ClientOptions } from "./client.js";
import { SEND_TIMEOUT_MS } from "./delivery.js";
import { QUEUE_PREFIX } from "./queue.js";
import { permanentError } from "./transport.js";

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse("2026-11-24T10:00:00Z") });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Let pending promise chains (storage, locks, fetch) run without moving the clock. */
const settle = () => vi.advanceTimersByTimeAsync(0);

type SetupOptions = Omit<Partial<ClientOptions>, "storage" | "endpoint"> & {
  storage?: ReturnType<typeof memoryStorage>;
  /** The collector's scripted answers. */
  answers?: Parameters<typeof fakeFetch>;
  /** null: no endpoint at all. */
  endpoint?: string | null;
};

function setup({ answers = [], endpoint = "/collect", storage = memoryStorage(), ...options }: SetupOptions = {}) {
  const fetch = fakeFetch(...answers);
  const win = fakeWindow({ locks: fakeLocks() });
  const client = createClient({
    ...(endpoint && { endpoint }),
    fetch,
    storage,
    target: win,
    random: () => 0.999,
    ...options,
  });
  const delivered: string[] = [];
  const errors: object[] = [];
  client.on("delivered", ({ id }) => delivered.push(id));
  client.on("error", (e) => errors.push(e));
  return { client, storage, fetch, win, delivered, errors };
}

const later = (r: SurveyResponse, ms: number, patch: Partial<SurveyResponse> = {}): SurveyResponse => ({
  ...r,
  ...patch,
  updatedAt: new Date(Date.parse(r.updatedAt) + ms).toISOString(),
});

/** Queue `responses` as an earlier page did, without delivering them. */
async function queuedByEarlierPage(storage: ReturnType<typeof memoryStorage>, ...responses: SurveyResponse[]) {
  const page = createClient({ storage, target: null, endpoint: "/collect", fetch: fakeFetch() });
  page.destroy();
  for (const r of responses) await page.submit(r);
}

describe("submit", () => {
  test("persists before the first network attempt, delivers, then clears the queue", async () => {
    const { client, storage, fetch, delivered } = setup();
    const r = response();
    const storedAtSend: boolean[] = [];
    fetch.calls.push = function (this: typeof fetch.calls, ...items) {
      storedAtSend.push([...storage.data.keys()].some((k) => k.startsWith(QUEUE_PREFIX + r.id)));
      return Array.prototype.push.apply(this, items);
    };
    await client.submit(r);
    expect(await storage.keys(QUEUE_PREFIX + r.id)).toHaveLength(1);
    await settle();
    expect(storedAtSend).toEqual([true]);
    expect(fetch.calls.map((c) => c.body)).toEqual([r]);
    expect(delivered).toEqual([r.id]);
    expect(storage.data.size).toBe(0);
  });

  test("a response from an earlier page is delivered when the next page starts", async () => {
    const storage = memoryStorage();
    const r = response();
    await queuedByEarlierPage(storage, r);
    const { fetch, delivered } = setup({ storage });
    await settle();
    expect(fetch.calls.map((c) => c.body)).toEqual([r]);
    expect(delivered).toEqual([r.id]);
  });

  test("storage that fails to write: still delivered from memory, and the failure is reported", async () => {
    const storage = memoryStorage();
    storage.failSets = true;
    const { client, fetch, delivered, errors } = setup({ storage });
    const r = response();
    await client.submit(r);
    await settle();
    expect(errors).toEqual([{ id: r.id, reason: "storage" }]);
    expect(fetch.calls).toHaveLength(1);
    expect(delivered).toEqual([r.id]);
  });

  test("never rejects, even with storage that throws on every call", async () => {
    const fail = () => Promise.reject(new Error("storage is gone"));
    const storage = Object.assign(memoryStorage(), { get: fail, set: fail, del: fail, keys: fail });
    const { client, fetch, delivered } = setup({ storage });
    const r = response();
    await expect(client.submit(r)).resolves.toBeUndefined();
    await settle();
    expect(fetch.calls).toHaveLength(1);
    expect(delivered).toEqual([r.id]);
  });
});

describe("coalescing states of one response", () => {
  test("when the partial and complete states are both pending, only the complete one is sent", async () => {
    const storage = memoryStorage();
    const partial = response({ complete: false });
    const complete = later(partial, 9_000, { complete: true, comment: "Fast" });
    await queuedByEarlierPage(storage, partial, complete);
    const { fetch, delivered } = setup({ storage });
    await settle();
    expect(fetch.calls.map((c) => c.body)).toEqual([complete]);
    expect(delivered).toEqual([partial.id]);
  });

  test("a state delivered, then a newer one: the newer one is sent too", async () => {
    const { client, fetch, storage } = setup();
    const partial = response({ complete: false });
    const complete = later(partial, 9_000, { complete: true });
    await client.submit(partial);
    await settle();
    await client.submit(complete);
    await settle();
    expect(fetch.calls.map((c) => c.body)).toEqual([partial, complete]);
    expect(storage.data.size).toBe(0);
  });

  test("a newer state submitted while the older one is on the wire is sent after it", async () => {
    const { client, fetch, storage } = setup({ answers: ["hang"] });
    const partial = response({ complete: false });
    const complete = later(partial, 9_000, { complete: true });
    await client.submit(partial);
    await settle();
    await client.submit(complete);
    await vi.advanceTimersByTimeAsync(10_000); // the hanging request times out
    await vi.advanceTimersByTimeAsync(5_000);
    expect(fetch.calls.map((c) => c.body)).toEqual([partial, complete]);
    expect(storage.data.size).toBe(0);
  });

  test("an older state arriving late is ignored", async () => {
    const { client, fetch } = setup({ answers: [503] });
    const partial = response({ complete: false });
    const complete = later(partial, 9_000, { complete: true });
    await client.submit(complete);
    await settle();
    await client.submit(partial);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetch.calls.map((c) => c.body)).toEqual([complete, complete]);
  });
});

describe("retries", () => {
  test.each([408, 429, 500, 503, "network"] as const)("%s: retried within 5 s, then delivered", async (failure) => {
    const { client, fetch, delivered } = setup({ answers: [failure] });
    const r = response();
    await client.submit(r);
    await settle();
    expect(fetch.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(4_994);
    expect(fetch.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch.calls).toHaveLength(2);
    expect(delivered).toEqual([r.id]);
  });

  test("backoff doubles and is capped at 5 minutes", async () => {
    const { client, fetch } = setup({ answers: Array(12).fill(503) });
    const times: number[] = [];
    fetch.calls.push = function (this: unknown[], ...items) {
      times.push(Date.now());
      return Array.prototype.push.apply(this, items);
    };
    await client.submit(response());
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    const gaps = times.slice(1).map((time, i) => time - times[i]!);
    expect(gaps.slice(0, 4)).toEqual([4_995, 9_990, 19_980, 39_960]);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(300_000);
    expect(gaps.at(-1)).toBeGreaterThan(299_000);
  });

  test("Retry-After in seconds is honoured, even by flush", async () => {
    const { client, fetch, delivered } = setup({ answers: [[503, { "Retry-After": "60" }, ""]] });
    await client.submit(response());
    await settle();
    await vi.advanceTimersByTimeAsync(30_000);
    await client.flush();
    expect(fetch.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(fetch.calls).toHaveLength(2);
    expect(delivered).toHaveLength(1);
  });

  test("Retry-After as an HTTP date is honoured", async () => {
    const { client, fetch } = setup({ answers: [[429, { "Retry-After": "Tue, 24 Nov 2026 10:02:00 GMT" }, ""]] });
    await client.submit(response());
    await vi.advanceTimersByTimeAsync(119_000);
    expect(fetch.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fetch.calls).toHaveLength(2);
  });

  test("other 4xx: dropped, with status and body in the error event", async () => {
    const { client, fetch, storage, errors, delivered } = setup({ answers: [[400, {}, '{"errors":["score"]}']] });
    const r = response();
    await client.submit(r);
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(fetch.calls).toHaveLength(1);
    expect(errors).toEqual([{ id: r.id, reason: "rejected", status: 400, body: '{"errors":["score"]}' }]);
    expect(delivered).toEqual([]);
    expect(storage.data.size).toBe(0);
  });

  test.each(["online", "visible"])("%s retries at once instead of waiting out the backoff", async (event) => {
    const { client, fetch, win, delivered } = setup({ answers: ["network", "network"] });
    await client.submit(response());
    await vi.advanceTimersByTimeAsync(4_995); // first retry, fails: next one in ~10 s
    expect(fetch.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(3_000);
    if (event === "visible") win.fire("visibilitychange");
    else win.fire("online");
    await settle();
    expect(fetch.calls).toHaveLength(3);
    expect(delivered).toHaveLength(1);
  });

  test("an outage costs a few probes, not one request per queued response", async () => {
    const storage = memoryStorage();
    await queuedByEarlierPage(storage, ...Array.from({ length: 30 }, () => response()));
    const { client, fetch, delivered } = setup({ storage, answers: Array(12).fill("network") });
    await settle();
    expect(fetch.calls).toHaveLength(6); // one parallel batch finds the endpoint down
    await client.submit(response());
    await settle();
    expect(fetch.calls).toHaveLength(6); // a new answer waits with the rest
    await vi.advanceTimersByTimeAsync(4_995);
    expect(fetch.calls).toHaveLength(12);
    await vi.advanceTimersByTimeAsync(9_990); // the endpoint is back: everything drains
    expect(fetch.calls).toHaveLength(12 + 31);
    expect(delivered).toHaveLength(31);
  });

  test("one in-flight delivery per response: page events do not stack requests", async () => {
    const { client, fetch, win } = setup({ answers: ["hang"] });
    await client.submit(response());
    await settle();
    await vi.advanceTimersByTimeAsync(5_000);
    win.fire("online");
    win.fire("visibilitychange");
    void client.flush();
    await settle();
    expect(fetch.calls).toHaveLength(1);
  });
});

describe("expiry and bounds", () => {
  test("a response still undelivered after 30 days is dropped with an error", async () => {
    let offset = 0;
    const { client, fetch, storage, errors } = setup({
      answers: Array(100).fill(503),
      clock: () => Date.now() + offset,
    });
    const r = response();
    await client.submit(r);
    await settle();
    offset = 30 * DAY_MS + 1;
    await vi.advanceTimersByTimeAsync(300_000);
    expect(errors).toEqual([{ id: r.id, reason: "expired" }]);
    expect(storage.data.size).toBe(0);
    const sent = fetch.calls.length;
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(fetch.calls.length).toBe(sent);
  });

  test("the queue is bounded: the oldest response is dropped with an error", async () => {
    const { client, storage, errors } = setup({ answers: Array(100).fill("network"), maxQueued: 3 });
    const first = response();
    await client.submit(first);
    for (let i = 0; i < 3; i++) {
      vi.advanceTimersByTime(1);
      await client.submit(response());
    }
    await settle();
    expect(errors).toEqual([{ id: first.id, reason: "overflow" }]);
    expect(await storage.keys(QUEUE_PREFIX)).toHaveLength(3);
  });
});

describe("several tabs", () => {
  test.each([
    ["Web Locks", () => ({ locks: fakeLocks() })],
    ["a storage lease", () => ({})],
  ])("with %s, four tabs deliver a queued response exactly once", async (_, navigator) => {
    const storage = memoryStorage();
    const r = response();
    await queuedByEarlierPage(storage, r);
    const shared = navigator();
    const fetch = fakeFetch();
    const tabs = Array.from({ length: 4 }, () =>
      createClient({ endpoint: "/collect", fetch, storage, target: fakeWindow(shared), random: Math.random }),
    );
    await vi.advanceTimersByTimeAsync(60_000);
    for (const tab of tabs) tab.flush();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetch.calls.map((c) => c.body.id)).toEqual([r.id]);
  });

  test("a tab that finds the response locked looks again later, and skips it once delivered", async () => {
    const storage = memoryStorage();
    const r = response();
    await queuedByEarlierPage(storage, r);
    const locks = fakeLocks();
    let answer!: (res: Response) => void;
    const slow = vi.fn(() => new Promise<Response>((resolve) => (answer = resolve)));
    createClient({ endpoint: "/c", fetch: slow, storage, target: fakeWindow({ locks }) });
    await settle();
    const other = fakeFetch();
    createClient({ endpoint: "/c", fetch: other, storage, target: fakeWindow({ locks }) });
    await settle();
    answer(new Response("", { status: 200 }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(slow).toHaveBeenCalledOnce();
    expect(other.calls).toEqual([]);
  });
});

describe("page hide", () => {
  test("starts a keepalive request for this page's pending response before the page goes", async () => {
    const { client, fetch, win, storage } = setup({ answers: [503] });
    const r = response();
    await client.submit(r);
    await settle();
    win.fire("pagehide");
    expect(fetch.calls).toHaveLength(2); // synchronously, no await in between
    expect(fetch.calls[1]?.init.keepalive).toBe(true);
    await settle();
    expect(storage.data.size).toBe(0);
  });

  test("visibilitychange to hidden does the same; responses of earlier pages and ones on the wire are not re-sent", async () => {
    const storage = memoryStorage();
    await queuedByEarlierPage(storage, response());
    const { client, fetch, win } = setup({ storage, answers: [[503, { "Retry-After": "600" }, ""], "hang"] });
    await settle();
    const mine = response();
    await client.submit(mine);
    void client.flush();
    await settle();
    expect(fetch.calls.map((c) => c.body.id)).toEqual([expect.any(String), mine.id]);
    win.document.visibilityState = "hidden";
    win.fire("visibilitychange");
    win.fire("pagehide");
    expect(fetch.calls).toHaveLength(2); // mine is on the wire, the earlier page's is not this page's
  });
});

describe("custom transport and adapters", () => {
  test("send replaces the endpoint; a rejection is retried, a permanent error drops", async () => {
    const send = vi.fn().mockRejectedValueOnce(new Error("offline")).mockResolvedValueOnce(undefined);
    const { client, delivered, fetch } = setup({ send });
    const r = response();
    await client.submit(r);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(send).toHaveBeenCalledTimes(2);
    expect(fetch.calls).toEqual([]);
    expect(delivered).toEqual([r.id]);

    const rejecting = setup({ send: () => Promise.reject(permanentError("unknown survey", { status: 422 })) });
    const bad = response();
    await rejecting.client.submit(bad);
    await settle();
    expect(rejecting.errors).toEqual([{ id: bad.id, reason: "rejected", status: 422 }]);
  });

  test("a send that never settles cannot hang flush", async () => {
    const { client } = setup({ send: () => new Promise(() => {}) });
    await client.submit(response());
    let flushed = false;
    void client.flush().then(() => (flushed = true));
    await vi.advanceTimersByTimeAsync(SEND_TIMEOUT_MS);
    expect(flushed).toBe(true);
  });

  test("adapters forward each state once, even while the endpoint is being retried", async () => {
    const analytics = { track: vi.fn() };
    const { client, fetch, delivered } = setup({ answers: [503, 503], adapters: [segmentAdapter(analytics)] });
    const partial = response({ complete: false, score: 3, category: "detractor" });
    await client.submit(partial);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(fetch.calls).toHaveLength(3);
    expect(analytics.track).toHaveBeenCalledOnce();
    expect(analytics.track).toHaveBeenCalledWith(
      "NPS Survey Answered",
      expect.objectContaining({ responseId: partial.id, score: 3, category: "detractor", complete: false }),
    );
    expect(delivered).toEqual([partial.id]);
    await client.submit(later(partial, 5_000, { complete: true, comment: "slow" }));
    await settle();
    expect(analytics.track).toHaveBeenCalledTimes(2);
    expect(analytics.track.mock.calls[1]?.[1]).toMatchObject({ complete: true, comment: "slow" });
  });

  test("an adapter-only client; a tool that loads late gets the response once it is there", async () => {
    let posthog: { capture: ReturnType<typeof vi.fn<(event: string, properties: object) => void>> } | undefined;
    const { client, delivered } = setup({ endpoint: null, adapters: [posthogAdapter(() => posthog)] });
    const r = response();
    await client.submit(r);
    await settle();
    expect(delivered).toEqual([]);
    posthog = { capture: vi.fn<(event: string, properties: object) => void>() };
    await vi.advanceTimersByTimeAsync(5_000);
    expect(posthog.capture).toHaveBeenCalledOnce();
    expect(posthog.capture).toHaveBeenCalledWith("survey response", expect.objectContaining({ responseId: r.id }));
    expect(delivered).toEqual([r.id]);
  });

  test("a state already forwarded by an earlier page is not forwarded again", async () => {
    const storage = memoryStorage();
    const analytics = { track: vi.fn() };
    const first = setup({ storage, answers: [503], adapters: [segmentAdapter(analytics)] });
    await first.client.submit(response());
    await settle();
    first.client.destroy();
    await vi.advanceTimersByTimeAsync(2_000);
    const second = setup({ storage, adapters: [segmentAdapter(analytics)] });
    await settle();
    expect(second.fetch.calls).toHaveLength(1);
    expect(analytics.track).toHaveBeenCalledOnce();
  });
});

describe("events, flush and destroy", () => {
  test("flush drains everything queued and resolves", async () => {
    const storage = memoryStorage();
    const many = Array.from({ length: 10 }, () => response());
    await queuedByEarlierPage(storage, ...many);
    const { client, fetch } = setup({ storage });
    await client.flush();
    expect(new Set(fetch.calls.map((c) => c.body.id))).toEqual(new Set(many.map((r) => r.id)));
    expect(storage.data.size).toBe(0);
  });

  test("a throwing listener does not stop delivery; off and the returned function unsubscribe", async () => {
    const { client, fetch } = setup();
    const seen: string[] = [];
    client.on("delivered", () => {
      throw new Error("host bug");
    });
    const stop = client.on("delivered", ({ id }) => seen.push(id));
    const fn = () => seen.push("off");
    client.on("delivered", fn);
    client.off("delivered", fn);
    const a = response();
    await client.submit(a);
    await settle();
    stop();
    await client.submit(response());
    await settle();
    expect(fetch.calls).toHaveLength(2);
    expect(seen).toEqual([a.id]);
  });

  test("destroy clears timers and listeners; what is queued stays for the next page", async () => {
    const { client, fetch, win, storage, errors } = setup({ answers: [503] });
    await client.submit(response());
    await settle();
    expect(vi.getTimerCount()).toBe(1); // the retry
    client.destroy();
    expect(vi.getTimerCount()).toBe(0);
    expect(win.count()).toBe(0);
    await vi.advanceTimersByTimeAsync(3_600_000);
    await client.flush();
    expect(fetch.calls).toHaveLength(1);
    expect(await storage.keys(QUEUE_PREFIX)).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});
