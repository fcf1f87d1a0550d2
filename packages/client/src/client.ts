// createClient: wires the queue, transports, lock and page events into the public client.
import { systemClock, type Clock, type KeyValueStorage, type SurveyResponse } from "@npskit/core/runtime";
import type { Adapter } from "./adapters.js";
import { createDelivery, type ClientEvent, type DeliveryError } from "./delivery.js";
import { createEmitter } from "./events.js";
import { storageLease, webLock, type TryLock } from "./lock.js";
import { createSchedule } from "./schedule.js";
import { createQueue } from "./queue.js";
import { fetchTransport, type Send } from "./transport.js";

/** The window-like object whose events drive delivery (`online`, `pagehide`, `visibilitychange`). */
export interface ClientTarget {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
  document?: { visibilityState?: string };
  navigator?: { locks?: LockManager; sendBeacon?: (url: string, data: Blob) => boolean };
}

export interface ClientOptions {
  storage: KeyValueStorage;
  clock?: Clock;
  /** Where the default transport POSTs each response (CONTRACT §4). */
  endpoint?: string;
  headers?: Record<string, string>;
  /** A custom transport replacing the endpoint POST. Reject to retry; reject with `permanentError` to drop. */
  send?: Send;
  /** Extra destinations, e.g. `segmentAdapter(analytics)`; each gets every state exactly once. */
  adapters?: Adapter[];
  fetch?: typeof fetch;
  /** Defaults to `window` in browsers; `null` to listen to nothing. */
  target?: ClientTarget | null;
  random?: () => number;
  /** Bound on queued responses (default 200): beyond it expired then oldest ones are dropped. */
  maxQueued?: number;
}

export interface ClientEvents {
  delivered: { id: string };
  error: DeliveryError;
}

export interface Client {
  /** Persist `response` (the newest state of its id wins), then start delivering it. Never rejects. */
  submit(response: SurveyResponse): Promise<void>;
  /** Try everything queued now; resolves when drained or nothing more can be sent now. Never rejects. */
  flush(): Promise<void>;
  /** Listen to an event; returns a function that stops listening. */
  on<K extends ClientEvent>(name: K, fn: (detail: ClientEvents[K]) => void): () => void;
  off<K extends ClientEvent>(name: K, fn: (detail: ClientEvents[K]) => void): void;
  /** Stop timers and listeners. Queued responses stay stored for the next page. */
  destroy(): void;
}

export function createClient(options: ClientOptions): Client {
  const { storage, clock = systemClock, random = Math.random, maxQueued = 200 } = options;
  const target = options.target === undefined ? (typeof window === "undefined" ? null : window) : options.target;
  const events = createEmitter<ClientEvents>();
  const queue = createQueue(storage, maxQueued);
  const delivery = createDelivery({
    queue,
    sinks: sinksOf(options, clock, target),
    lock: lockFor(storage, clock, random, target),
    now: clock,
    random,
    emit: events.emit,
  });

  // Retries of what is due run on the schedule; a full pass over the queue (including what other
  // pages left) runs on page load, page events and flush.
  const schedule = createSchedule(clock, (ids) => void delivery.many(false, schedule.set, ids));
  let destroyed = false;
  const run = (kick: boolean) => (destroyed ? Promise.resolve() : delivery.many(kick, schedule.set).catch(() => {}));

  const kick = () => void run(true);
  const hide = () => !destroyed && delivery.hide();
  const pageEvents: Array<[string, () => void]> = [
    ["online", kick],
    ["visibilitychange", () => (target?.document?.visibilityState === "hidden" ? hide() : kick())],
    ["pagehide", hide],
  ];
  for (const [type, fn] of pageEvents) target?.addEventListener(type, fn);
  void Promise.resolve().then(kick);

  return {
    async submit(response) {
      try {
        const stored = await queue.put(response, clock());
        if (stored === "stale") return;
        if (stored === "volatile") events.emit("error", { id: response.id, reason: "storage" });
        delivery.own(response);
        if (destroyed) return;
        void queue.prune(clock()).then((dropped) => {
          for (const [id, reason] of dropped) {
            delivery.disown(id);
            events.emit("error", { id, reason });
          }
        });
        void delivery.attempt(response.id, true).then((due) => schedule.set(response.id, due));
      } catch {
        events.emit("error", { id: response?.id, reason: "storage" });
      }
    },
    flush: () => run(true),
    on: events.on,
    off: events.off,
    destroy() {
      destroyed = true;
      schedule.stop();
      for (const [type, fn] of pageEvents) target?.removeEventListener(type, fn);
      events.clear();
    },
  };
}

/** The endpoint POST (or the custom `send`) under the name "endpoint", then the adapters. */
function sinksOf(options: ClientOptions, now: Clock, target: ClientTarget | null): Adapter[] {
  const { endpoint, headers, fetch, send } = options;
  const beacon = target?.navigator?.sendBeacon?.bind(target.navigator);
  const transport = send ?? (endpoint && fetchTransport({ endpoint, headers, fetch, now, beacon }));
  return [...(transport ? [{ name: "endpoint", send: transport }] : []), ...(options.adapters ?? [])];
}

/** Web Locks where the browser has them, else a lease in the shared storage. */
function lockFor(storage: KeyValueStorage, now: Clock, random: () => number, target: ClientTarget | null): TryLock {
  const locks = target?.navigator?.locks;
  if (locks) return webLock(locks);
  const owner = random().toString(36).slice(2);
  return storageLease(storage, now, owner, (ms) => new Promise((resolve) => setTimeout(resolve, ms)));
}
