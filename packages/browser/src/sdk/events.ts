// The SDK's event hub. `ready` is sticky: a listener added after it fired is called at once.
import type { EventName, Listener } from "../api.js";

export interface Emitter {
  on(name: EventName, fn: Listener): void;
  off(name: EventName, fn: Listener): void;
  emit(name: EventName, payload?: unknown): void;
  clear(): void;
}

/** `report` receives errors thrown by listeners: host code must not break the SDK, nor vice versa. */
export function createEmitter(report: (error: unknown) => void): Emitter {
  const listeners = new Map<EventName, Set<Listener>>();
  let ready: { payload: unknown } | undefined;
  const call = (fn: Listener, payload: unknown) => {
    try {
      fn(payload);
    } catch (e) {
      report(e);
    }
  };
  return {
    on(name, fn) {
      if (typeof fn !== "function") return;
      if (!listeners.has(name)) listeners.set(name, new Set());
      listeners.get(name)!.add(fn);
      if (name === "ready" && ready) call(fn, ready.payload);
    },
    off(name, fn) {
      listeners.get(name)?.delete(fn);
    },
    emit(name, payload) {
      if (name === "ready") ready = { payload };
      for (const fn of [...(listeners.get(name) ?? [])]) call(fn, payload);
    },
    clear() {
      listeners.clear();
      ready = undefined;
    },
  };
}
