// The async snippet (built to dist/snippet.min.js, inlined by host pages): defines `window.npskit`
// as a stub that records `[method, ...args]` until npskit.js arrives and replays them (replay.ts).
import { METHODS, PROMISE_METHODS, type BufferedCall, type SnippetStub } from "../api.js";

/** Installs the stub on `target` unless an npskit (stub or real) is already there. */
export function installStub(target: { npskit?: unknown }): void {
  if (target.npskit) return;
  const q: BufferedCall[] = [];
  const stub = { q } as SnippetStub;
  for (const method of METHODS) {
    stub[method] = (...args: unknown[]) => {
      const call = [method, ...args] as BufferedCall;
      q.push(call);
      if (PROMISE_METHODS.includes(method)) return new Promise((resolve) => (call.resolve = resolve));
    };
  }
  target.npskit = stub;
}
