// Replays the calls the snippet recorded, in order, onto the real SDK (see stub.ts).
import { METHODS, type BufferedCall, type NpsKit, type SnippetStub } from "../api.js";

export function isStub(value: unknown): value is SnippetStub {
  return typeof value === "object" && value !== null && Array.isArray((value as SnippetStub).q);
}

/** Runs every buffered call on `sdk`; promises the stub handed out settle with the real results. */
export function replay(calls: readonly BufferedCall[], sdk: NpsKit): void {
  for (const call of calls) {
    const [method, ...args] = call;
    if (!METHODS.includes(method)) continue;
    const result = (sdk[method] as (...a: unknown[]) => unknown)(...args);
    call.resolve?.(result);
  }
}

/**
 * Hands the stub over to `sdk`: replays what it recorded and makes the stub itself forward to the
 * SDK, for host code that kept a reference to it.
 */
export function adoptStub(stub: SnippetStub, sdk: NpsKit): void {
  const calls = stub.q.splice(0);
  for (const method of METHODS)
    stub[method] = (...args: unknown[]) => (sdk[method] as (...a: unknown[]) => unknown)(...args);
  replay(calls, sdk);
}
