// A tiny event emitter whose listeners can never break the caller.

export type Listener<T> = (detail: T) => void;

export function createEmitter<Events extends object>() {
  const listeners = new Map<keyof Events, Set<Listener<never>>>();
  const off = <K extends keyof Events>(name: K, fn: Listener<Events[K]>) => void listeners.get(name)?.delete(fn);
  return {
    /** Listen to `name`; returns a function that stops listening. */
    on<K extends keyof Events>(name: K, fn: Listener<Events[K]>): () => void {
      listeners.set(name, (listeners.get(name) ?? new Set()).add(fn));
      return () => off(name, fn);
    },
    off,
    emit<K extends keyof Events>(name: K, detail: Events[K]): void {
      listeners.get(name)?.forEach((fn) => {
        try {
          (fn as Listener<Events[K]>)(detail);
        } catch {
          // a host listener that throws must not stop delivery
        }
      });
    },
    clear: () => listeners.clear(),
  };
}
