// The SDK instance behind `window.npskit` and `createNpsKit()`: every public call is guarded (no
// exception ever reaches the host page), safe before init and after destroy. A valid init starts
// the runtime (runtime.ts); an invalid one prints one console.error per problem and stays inert.
import type { Attributes, EventName, Explanation, Listener, NpsKit } from "./api.js";
import { loadConfig } from "./config.js";
import { createEmitter } from "./events.js";
import { describeError, guarded } from "./guard.js";
import { startRuntime, type Runtime } from "./runtime.js";
import type { LazyParts } from "./chunks.js";

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
  let phase: "new" | "starting" | "running" | "inert" | "destroyed" = "new";
  let runtime: Runtime | undefined;
  // identify() may come before init (e.g. replayed from the snippet): remember it for the runtime.
  let identity: { userId: string | null; attributes: Attributes } = { userId: null, attributes: {} };
  // Calls made while init validates (and fetches configUrl) run, in order, once it is done.
  let waiting: Array<(started: Runtime | undefined) => void> = [];

  /** Runs `fn` on the runtime now, after init finishes, or never (inert, destroyed): `fallback`. */
  function later<T>(fn: (started: Runtime) => T, fallback: T): T | Promise<T> {
    if (runtime) return fn(runtime);
    if (phase !== "starting") return fallback;
    return new Promise<T>((resolve) => waiting.push((started) => resolve(started ? fn(started) : fallback)));
  }

  function started(): void {
    const queued = waiting;
    waiting = [];
    for (const run of queued) {
      try {
        run(runtime);
      } catch (e) {
        report("init", e);
      }
    }
  }

  async function init(input: unknown): Promise<void> {
    if (phase !== "new") return void console.warn(`[npskit] init: already called; ignored`);
    phase = "starting";
    try {
      await start(input);
    } finally {
      started();
    }
  }

  async function start(input: unknown): Promise<void> {
    const loaded = await loadConfig(input, {
      fetch: win.fetch?.bind(win),
      cache: localStorageOf(win),
      mayCache: (config) => !config.requireConsent,
    });
    if (phase !== "starting") return; // destroyed while the remote config loaded
    if ("problems" in loaded) {
      phase = "inert";
      for (const problem of loaded.problems) console.error(`[npskit] invalid config: ${problem}`);
      return;
    }
    for (const warning of loaded.warnings) console.warn(`[npskit] config: ${warning}`);
    phase = "running";
    runtime = startRuntime(loaded.config, { win, parts, emit: emitter.emit, report, identity });
  }

  const api: NpsKit = {
    init: (config) => void init(config).catch((e: unknown) => report("init", e)),
    identify(userId, attributes) {
      const id = typeof userId === "string" || typeof userId === "number" ? String(userId) : null;
      identity = { userId: id, attributes: id === identity.userId ? { ...identity.attributes, ...attributes } : { ...attributes } };
      runtime?.identify(identity);
    },
    track: (event, properties) => void later((r) => r.track(String(event), properties), undefined),
    page: () => void later((r) => r.page(), undefined),
    show: (surveyId, options) => void later((r) => r.show(String(surveyId), Boolean(options?.force)), undefined),
    explain: async (surveyId) => later<Promise<Explanation>>((r) => r.explain(String(surveyId)), Promise.resolve(NOT_RUNNING)),
    on: (name: EventName, fn: Listener) => phase !== "destroyed" && emitter.on(name, fn),
    off: (name: EventName, fn: Listener) => emitter.off(name, fn),
    consent: (granted) => void later((r) => r.consent(granted === true), undefined),
    flush: async () => later((r) => r.flush(), Promise.resolve()),
    reset() {
      identity = { userId: null, attributes: {} };
      runtime?.reset();
    },
    destroy() {
      phase = "destroyed";
      runtime?.destroy();
      runtime = undefined;
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
    const fallback = name === "explain" ? { eligible: false, reasons: ["npskit failed to evaluate this survey"] } : undefined;
    safe[name] = guarded(name, fn as (...args: unknown[]) => unknown, report, fallback);
  }
  return safe as unknown as NpsKit;
}
