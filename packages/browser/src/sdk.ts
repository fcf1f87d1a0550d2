// The SDK instance behind `window.npskit` and `createNpsKit()`: every public call is guarded (no
// exception ever reaches the host page), safe before init and after destroy. A valid init starts
// the runtime (runtime.ts); an invalid one prints one console.error per problem and stays inert.
import type { Explanation, NpsKit } from "./api.js";
import type { LazyParts } from "./chunks.js";
import { loadConfig } from "./config.js";
import { createEmitter } from "./events.js";
import { describeError, guarded } from "./guard.js";
import { nextTask } from "./idle.js";
import { startRuntime, type Runtime } from "./runtime.js";
import type { Identity } from "./session.js";

export interface SdkOptions {
  parts: LazyParts;
  win?: Window;
}

const NOT_RUNNING: Explanation = { eligible: false, reasons: ["npskit is not running: call init with a valid config first"] };

export function createSdk({ parts, win = window }: SdkOptions): NpsKit {
  const report = (where: string, error: unknown) => {
    const reason = describeError(error);
    console.error(`[npskit] ${where}: ${reason}`);
    emitter.emit("error", { where, reason });
  };
  const emitter = createEmitter((e) => report("event listener", e));
  let destroyed = false;
  let runtime: Runtime | undefined;
  /** Set by init: resolves to the runtime once the config is checked (and fetched), or to nothing. */
  let starting: Promise<Runtime | undefined> | undefined;
  // identify() may come before init (e.g. replayed from the snippet): remember it for the runtime.
  let identity: Identity = { userId: null, attributes: {} };

  /** Runs `fn` on the runtime: now, once init is done (calls keep their order), or never. */
  const run = <T>(fn: (r: Runtime) => T, fallback: T): T | Promise<T> =>
    runtime ? fn(runtime) : starting ? starting.then((r) => (r ? fn(r) : fallback)) : fallback;

  async function start(input: unknown): Promise<Runtime | undefined> {
    // Running this script, checking the config and starting (storage opens) are separate tasks:
    // together, on a slow phone, they would block the page for more than 50 ms.
    await nextTask(win);
    const loaded = await loadConfig(input, {
      fetch: (url, init) => win.fetch(url, init),
      // Read by the configUrl chunk only: a page without configUrl never touches localStorage.
      get cache() {
        return localStorageOf(win);
      },
      mayCache: (config) => !config.requireConsent,
      remote: parts.remoteConfig,
    });
    await nextTask(win);
    if (destroyed) return undefined;
    if ("problems" in loaded) {
      for (const problem of loaded.problems) console.error(`[npskit] invalid config: ${problem}`);
      return undefined;
    }
    for (const warning of loaded.warnings) console.warn(`[npskit] config: ${warning}`);
    return (runtime = startRuntime(loaded.config, { win, parts, emit: emitter.emit, report, identity }));
  }

  const api: NpsKit = {
    init(config) {
      if (starting || destroyed) return void console.warn("[npskit] init: already called; ignored");
      starting = start(config).catch((e: unknown) => void report("init", e));
    },
    identify(userId, attributes, options) {
      const id = typeof userId === "string" || typeof userId === "number" ? String(userId) : null;
      const same = id === identity.userId;
      const hash = options?.userHash;
      // The hash proves this id only: never carried over to another one.
      const userHash = typeof hash == "string" ? hash : same ? identity.userHash : undefined;
      identity = { userId: id, attributes: same ? { ...identity.attributes, ...attributes } : { ...attributes }, userHash };
      runtime?.identify(identity);
    },
    track: (event, properties) => void run((r) => r.track(String(event), properties), undefined),
    page: () => void run((r) => r.page(), undefined),
    show: (surveyId, options) => void run((r) => r.show(String(surveyId), Boolean(options?.force)), undefined),
    explain: async (surveyId) => run<Explanation | Promise<Explanation>>((r) => r.explain(String(surveyId)), NOT_RUNNING),
    on: (name, fn) => !destroyed && emitter.on(name, fn),
    off: (name, fn) => emitter.off(name, fn),
    consent: (granted) => void run((r) => r.consent(granted === true), undefined),
    flush: async () => run((r) => r.flush(), undefined),
    reset() {
      identity = { userId: null, attributes: {} };
      runtime?.reset();
    },
    destroy() {
      destroyed = true;
      runtime?.destroy();
      runtime = undefined;
      starting = undefined;
      emitter.clear();
    },
  };
  return guardAll(api, report);
}

/** Reading `localStorage` itself throws where storage is blocked. */
function localStorageOf(win: Window): Storage | undefined {
  try {
    return win.localStorage;
  } catch {
    return undefined;
  }
}

/** Wraps every method: a failure is reported (console + `error` event), never thrown. */
function guardAll(api: NpsKit, report: (where: string, error: unknown) => void): NpsKit {
  const safe = {} as Record<string, unknown>;
  for (const [name, fn] of Object.entries(api)) {
    safe[name] = guarded(name, fn as (...args: unknown[]) => unknown, report, name === "explain" ? NOT_RUNNING : undefined);
  }
  return safe as unknown as NpsKit;
}
