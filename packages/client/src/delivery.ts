// The delivery engine: takes queued states to their sinks, one attempt per response at a time.
import { withTimeout, type SurveyResponse } from "@npskit/core/runtime";
import type { Adapter } from "./adapters.js";
import type { TryLock } from "./lock.js";
import { isExpired, type Entry, type Queue } from "./queue.js";
import { backoffDelay } from "./retry.js";
import type { DeliveryFailure } from "./transport.js";

/** A page event (start, online, visible) or flush ignores backoff, but not this soon after an attempt. */
export const KICK_GAP_MS = 2_000;
/** Another tab holds the lock: look again after this, in case that tab closes mid-attempt. */
export const LOCKED_RETRY_MS = 5_000;
/** A custom send or adapter that never settles counts as failed after this. */
export const SEND_TIMEOUT_MS = 15_000;
/** Parallel deliveries from one tab (browsers open about six connections per host). */
const CONCURRENCY = 6;

export type ClientEvent = "delivered" | "error";
/** `reason`: "rejected" (with the receiver's `status` and `body`), "expired", "overflow" or "storage". */
export interface DeliveryError {
  id?: string | undefined;
  reason: string;
  status?: number | undefined;
  body?: string | undefined;
}
export type Emit = (name: ClientEvent, detail: { id: string } | DeliveryError) => void;

export interface DeliveryDeps {
  queue: Queue;
  /** The endpoint transport or custom send (named "endpoint"), then adapters. */
  sinks: Adapter[];
  lock: TryLock;
  now: () => number;
  random: () => number;
  emit: Emit;
}

type Outcome = { name: string; error?: DeliveryFailure };

/** Next time (ms) an id wants an attempt; Infinity when it needs none. */
type Due = number;

export function createDelivery({ queue, sinks, lock, now, random, emit }: DeliveryDeps) {
  const inFlight = new Map<string, Promise<Due>>();
  const again = new Set<string>();
  /** States this tab has on the wire right now, so the page-hide path never sends one twice. */
  const sending = new Map<string, string>();
  /** States submitted in this page and not yet accepted by the endpoint: page hide sends these. */
  const own = new Map<string, SurveyResponse>();
  /**
   * After the endpoint failed, this tab attempts nothing before this time (a page event or flush
   * lifts it): one failure stands for every queued response, so an outage costs a few probes per
   * backoff step, not one request per queued response.
   */
  let paused = 0;

  const waitUntil = (entry: Entry, kick: boolean) => Math.max(entry.hold, kick ? entry.tried + KICK_GAP_MS : entry.due);

  const forget = (id: string, updatedAt: string) => {
    if (own.get(id)?.updatedAt === updatedAt) own.delete(id);
  };

  async function send(response: SurveyResponse, targets: Adapter[], hiding: boolean): Promise<Outcome[]> {
    const { id, updatedAt } = response;
    sending.set(id, updatedAt);
    try {
      return await Promise.all(targets.map((sink) => call(sink, response, hiding)));
    } finally {
      if (sending.get(id) === updatedAt) sending.delete(id);
    }
  }

  /** Records what the sinks said and decides: done, dropped, or when to try again. */
  async function settle(entry: Entry, outcomes: Outcome[]): Promise<Due> {
    const { id, updatedAt } = entry.response;
    const done = [...entry.done, ...outcomes.filter((o) => !o.error).map((o) => o.name)];
    const errors = outcomes.flatMap((o) => (o.error ? [o.error] : []));
    const rejected = errors.find((e) => e.permanent);
    const finished = rejected || sinks.every((s) => done.includes(s.name));
    if (finished || done.includes("endpoint")) forget(id, updatedAt);
    if (finished) {
      await queue.remove(id, updatedAt);
      if (!rejected) emit("delivered", { id });
      else emit("error", { id, reason: "rejected", status: rejected.status, body: rejected.body });
      return Infinity;
    }
    const t = now();
    const hold = Math.max(0, ...errors.map((e) => e.retryAfter ?? 0));
    const next: Entry = { ...entry, done, tried: t, attempts: entry.attempts + 1, hold: hold && t + hold };
    next.due = Math.max(next.hold, t + backoffDelay(entry.attempts, random));
    if (outcomes.some((o) => o.name === "endpoint" && o.error)) paused = Math.max(paused, next.due);
    await queue.update(next);
    return next.due;
  }

  /** One attempt at `id`, holding its lock, on the state read after the lock was won. */
  async function deliverLocked(id: string, kick: boolean): Promise<Due> {
    const entry = await queue.read(id);
    if (!entry) return Infinity; // another tab delivered it
    const t = now();
    if (isExpired(entry, t)) {
      await queue.remove(id, entry.response.updatedAt);
      forget(id, entry.response.updatedAt);
      emit("error", { id, reason: "expired" });
      return Infinity;
    }
    const wait = waitUntil(entry, kick);
    if (wait > t) return wait;
    if (sending.get(id) === entry.response.updatedAt) return t + LOCKED_RETRY_MS; // page hide sent it
    const targets = sinks.filter((s) => !entry.done.includes(s.name));
    return settle(entry, await send(entry.response, targets, false));
  }

  async function deliver(id: string, kick: boolean): Promise<Due> {
    if (paused > now()) return paused;
    let due: Due = now() + LOCKED_RETRY_MS;
    await lock("npskit:deliver:" + id, async () => {
      due = await deliverLocked(id, kick);
    });
    return due;
  }

  /** Attempt `id` unless this tab already is; a newer state submitted meanwhile gets its own turn. */
  function attempt(id: string, kick: boolean): Promise<Due> {
    const running = inFlight.get(id);
    if (running) {
      again.add(id);
      return running;
    }
    const run = deliver(id, kick)
      .catch(() => now() + LOCKED_RETRY_MS)
      .then((due) => {
        inFlight.delete(id);
        return again.delete(id) ? attempt(id, true) : due;
      });
    inFlight.set(id, run);
    return run;
  }

  /**
   * Page is going away: hand this page's own undelivered states to the endpoint now, synchronously
   * starting keepalive requests. No lock here: lock requests are async and would not be granted
   * before the page is gone. Another tab rarely holds these states (this page attempts them
   * first), and the `id` lets the collector dedupe the overlap when one does.
   */
  function hide(): void {
    const endpoint = sinks.find((s) => s.name === "endpoint");
    if (!endpoint) return;
    for (const [id, response] of own) {
      if (sending.get(id) === response.updatedAt) continue;
      void send(response, [endpoint], true).then(async (outcomes) => {
        const entry = await queue.read(id);
        if (entry?.response.updatedAt === response.updatedAt) await settle(entry, outcomes);
      });
    }
  }

  return {
    attempt,
    hide,
    /** Remember a state submitted by this page (for page hide). */
    own: (response: SurveyResponse) => own.set(response.id, response),
    /** Forget a state submitted by this page that was dropped from the queue. */
    disown: (id: string) => own.delete(id),
    /** Attempt `ids` (default: every queued id), a few at a time, reporting when each is due next. */
    async many(kick: boolean, onDue: (id: string, due: Due) => void, only?: string[]): Promise<void> {
      if (kick) paused = 0;
      const ids = only ?? (await queue.ids());
      let i = 0;
      const worker = async () => {
        while (i < ids.length) {
          const id = ids[i++]!;
          onDue(id, await attempt(id, kick));
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    },
  };
}

/** Calls a sink, turning sync throws, rejections and hangs into an outcome. */
function call(sink: Adapter, response: SurveyResponse, hiding: boolean): Promise<Outcome> {
  // The executor runs now, not in a microtask: on page hide the request must start before unload.
  const sent = new Promise<unknown>((resolve) => resolve(sink.send(response, hiding)));
  return withTimeout(sent, SEND_TIMEOUT_MS).then(
    () => ({ name: sink.name }),
    // Anything thrown counts: an Error, a DeliveryFailure-like object, even a string.
    (error: unknown) => ({ name: sink.name, error: Object(error) as DeliveryFailure }),
  );
}
