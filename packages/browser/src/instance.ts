// The SDK instance behind `window.npskit` and `createNpsKit()`: every public call is guarded (no
// exception ever reaches the host page), safe before init and after destroy. A valid init starts
// the runtime (runtime.ts); an invalid one prints its problems (config.ts: one line with the
// guard, one per problem with the full validator) and stays inert.
import type { Attributes, Explanation, NpsKit } from "./api.js";
import type { LazyParts } from "./chunks.js";
import { loadConfig, type CheckConfig } from "./config.js";
import { createEmitter } from "./events.js";
import { describeError, guarded } from "./guard.js";
import { nextTask } from "./idle.js";
import { startRuntime, type Runtime } from "./runtime.js";

export interface InstanceOptions {
  parts: LazyParts;
  /** How init checks its config: the production guard, or the full validator (config.ts). */
  check: CheckConfig;
  win?: Window;
}

const NOT_RUNNING: Explanation = { eligible: false, reasons: ["npskit is not running: call init with a valid config first"] };

export function createInstance({ parts, check, win = window }: InstanceOptions): NpsKit {
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
  let identity: { userId: string | null; attributes: Attributes } = { userId: null, attributes: {} };

  /** Runs `fn` on the runtime: now, once init is done (calls keep their order), or never. */
  const run = <T>(fn: (r: Runtime) => T, fallback: T): T | Promise<T> =>
    runtime ? fn(runtime) : starting ? starting.then((r) => (r ? fn(r) : fallback)) : fallback;

  async function start(input: unknown): Promise<Runtime | undefined> {
    // Running this script, checking the config and starting (storage opens) are separate tasks:
    // together, on a slow phone, they would block the page for more than 50 ms.
    await nextTask(win);
    const loaded = await loadConfig(input, check, {
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
    identify(userId, attributes) {
      const id = typeof userId === "string" || typeof userId === "number" ? String(userId) : null;
      identity = { userId: id, attributes: id === identity.userId ? { ...identity.attributes, ...attributes } : { ...attributes } };
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
