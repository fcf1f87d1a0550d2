// createClient: wires the queue, transports, lock and page events into the public client.
import { systemClock, type Clock, type KeyValueStorage, type SurveyResponse } from "@npskit/core";
import type { Adapter } from "./adapters.js";
import { createDelivery, type ClientEvent, type DeliveryError } from "./delivery.js";
import { storageLease, webLock } from "./lock.js";
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
  const target = options.target === undefined ? (typeof window == "undefined" ? null : window) : options.target;
  const listeners = new Map<string, Set<(detail: never) => void>>();
  const emit = (name: ClientEvent, detail: object) =>
    listeners.get(name)?.forEach((fn) => {
      try {
        fn(detail as never);
      } catch {
        // a host listener that throws must not stop delivery
      }
    });

  const off: Client["off"] = (name, fn) => void listeners.get(name)?.delete(fn as (detail: never) => void);

  const queue = createQueue(storage, maxQueued);
  const locks = target?.navigator?.locks;
  const owner = random().toString(36).slice(2);
  const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  const beacon = target?.navigator?.sendBeacon?.bind(target.navigator);
  const transport =
    options.send ??
    (options.endpoint && fetchTransport({ endpoint: options.endpoint, headers: options.headers, fetch: options.fetch, now: clock, beacon }));
  const delivery = createDelivery({
    queue,
    sinks: [...(transport ? [{ name: "endpoint", send: transport }] : []), ...(options.adapters ?? [])],
    lock: locks ? webLock(locks) : storageLease(storage, clock, owner, wait),
    now: clock,
    random,
    emit,
  });

  // One timer for the whole queue, set to the earliest time any response of this tab is due again.
  // It retries only what is due: a full pass over the queue happens on page events and flush.
  const dues = new Map<string, number>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let destroyed = false;
  const reschedule = () => {
    clearTimeout(timer);
    const next = Math.min(...dues.values());
    if (!destroyed && next < Infinity) timer = setTimeout(retryDue, Math.max(0, next - clock()));
  };
  const onDue = (id: string, due: number) => {
    if (due === Infinity) dues.delete(id);
    else dues.set(id, due);
    reschedule();
  };
  const retryDue = () => {
    const now = clock();
    const due = [...dues].filter(([, at]) => at <= now).map(([id]) => id);
    if (due.length) void delivery.many(false, onDue, due);
    else reschedule(); // the clock and the timer disagreed by a hair
  };
  const run = (kick: boolean) => (destroyed ? Promise.resolve() : delivery.many(kick, onDue).catch(() => {}));

  const hide = () => !destroyed && delivery.hide();
  const onVisibility = () => (target?.document?.visibilityState === "hidden" ? hide() : run(true));
  const kick = () => void run(true);
  const events: Array<[string, () => void]> = [
    ["online", kick],
    ["visibilitychange", onVisibility],
    ["pagehide", hide],
  ];
  for (const [type, fn] of events) target?.addEventListener(type, fn);
  // Deliver what earlier pages (or closed tabs) left behind.
  void Promise.resolve().then(kick);

  return {
    async submit(response) {
      try {
        const stored = await queue.put(response, clock());
        if (stored === "stale") return;
        if (stored === "volatile") emit("error", { id: response.id, reason: "storage" });
        delivery.own(response);
        if (destroyed) return;
        void queue.prune(clock()).then((dropped) => {
          for (const [id, reason] of dropped) {
            delivery.disown(id);
            emit("error", { id, reason });
          }
        });
        void delivery.attempt(response.id, true).then((due) => onDue(response.id, due));
      } catch {
        emit("error", { id: response?.id, reason: "storage" });
      }
    },
    flush: () => run(true),
    on(name, fn) {
      listeners.set(name, (listeners.get(name) ?? new Set()).add(fn as (detail: never) => void));
      return () => off(name, fn);
    },
    off,
    destroy() {
      destroyed = true;
      clearTimeout(timer);
      for (const [type, fn] of events) target?.removeEventListener(type, fn);
      listeners.clear();
    },
  };
}
