// The SDK instance behind `window.npskit` and `createNpsKit()`: every public call is guarded (no
// exception ever reaches the host page), safe before init and after destroy. A valid init starts
// the runtime (runtime/runtime.ts); an invalid one prints its problems (config/: one line with the
// guard, one per problem with the full validator) and stays inert. This is the one place that
// owns when calls run: after init, every call waits in `turns` until the person's state has
// loaded, then runs in the order it was made.
import type { Explanation, NpsKit } from "../api.js";
import type { LazyParts } from "../lazy-parts.js";
import type { CheckConfig, LoadedConfig } from "../config/production-check.js";
import { createEmitter } from "./events.js";
import { describeError, guarded } from "./safe-calls.js";
import { nextTask } from "../runtime/idle.js";
import { startRuntime, type Runtime } from "../runtime/runtime.js";
import { createTurns, type Turns } from "./turns.js";

export interface InstanceOptions {
  parts: LazyParts;
  /** How init checks its config: the production guard, or the full validator (config/). */
  check: CheckConfig;
  win?: Window;
}

const NOT_RUNNING: Explanation = { eligible: false, reasons: ["not running: call init with a valid config"] };

export function createInstance({ parts, check, win = window }: InstanceOptions): NpsKit {
  let reporting = false;
  const report = (where: string, error: unknown) => {
    const reason = describeError(error);
    console.error(`[npskit] ${where}: ${reason}`);
    // An `error` listener that throws is reported on the console only, not fed its own error again.
    if (reporting) return;
    reporting = true;
    try {
      emitter.emit("error", { where, reason });
    } finally {
      reporting = false;
    }
  };
  const emitter = createEmitter((e) => report("event listener", e));
  let destroyed = false;
  let runtime: Runtime | undefined;
  /** Set by init: the calls, in order, behind the config check and the state's load. */
  let turns: Turns | undefined;
  // identify() may come before init (e.g. replayed from the snippet): kept for the runtime's start.
  let early: Parameters<NpsKit["identify"]>[] = [];

  /** Runs `fn` on the runtime after every earlier call; `fallback` when npskit is not running. */
  const turn = <T>(where: string, fn: (r: Runtime) => T | Promise<T>, fallback: T): Promise<T> =>
    turns
      ? turns.take(where, () => (runtime ? fn(runtime) : fallback)).then((result) => result ?? fallback)
      : Promise.resolve(fallback);
  /** For calls whose result nobody awaits: a failure is reported once, by the turn. */
  const queue = (where: string, fn: (r: Runtime) => unknown) => void turn(where, fn, undefined).catch(() => {});

  async function start(input: unknown): Promise<void> {
    // Running this script, checking the config and starting (storage opens) are separate tasks:
    // together, on a slow phone, they would block the page for more than 50 ms.
    await nextTask(win);
    const loaded = await loadConfig(input, check, win, parts);
    await nextTask(win);
    if (destroyed) return undefined;
    if ("problems" in loaded) {
      for (const problem of loaded.problems) console.error(`[npskit] invalid config: ${problem}`);
      return undefined;
    }
    for (const warning of loaded.warnings) console.warn(`[npskit] config: ${warning}`);
    const started = startRuntime(loaded.config, {
      win,
      parts,
      emit: emitter.emit,
      report,
      queue: (where, fn) => queue(where, fn),
    });
    runtime = started;
    for (const args of early) void started.identify(...args); // recorded only: nothing is loaded yet
    early = [];
    // State loads in idle time, after the page's own work: nothing of ours on the critical path.
    await started.load();
    // The calls that waited for it start in a task of their own, the first page view first.
    await nextTask(win);
    if (runtime === started) started.page();
  }

  const api: NpsKit = {
    init(config) {
      if (turns || destroyed) return void console.warn("[npskit] init: called twice; ignored");
      turns = createTurns(
        start(config).catch((e: unknown) => void report("init", e)),
        report,
      );
    },
    identify(...args) {
      if (!runtime && !destroyed) early.push(args);
      queue("identify", (r) => r.identify(...args));
    },
    track: (...args) => queue("track", (r) => r.track(...args)),
    page: () => queue("page", (r) => r.page()),
    show: (...args) => queue("show", (r) => r.show(...args)),
    // Judged in turn; its words may still be loading (their own chunk), which holds up no later call.
    explain: (surveyId) =>
      turn("explain", (r) => ({ answer: r.explain(surveyId) }), undefined).then((held) => held?.answer ?? NOT_RUNNING),
    on: (name, fn) => !destroyed && emitter.on(name, fn),
    off: (name, fn) => emitter.off(name, fn),
    consent: (granted) => queue("consent", (r) => r.consent(granted)),
    // After the calls before it, without holding up the ones after it (delivery can be slow).
    flush: async () => void (await turns?.settled(), await runtime?.flush()),
    reset() {
      early = [];
      runtime?.close();
      queue("reset", (r) => r.reset());
    },
    destroy() {
      destroyed = true;
      early = [];
      turns?.stop();
      runtime?.destroy();
      runtime = undefined;
      emitter.clear();
    },
  };
  return guardAll(api, report);
}

/** The inline config, checked; with `configUrl`, merged with the remote one (its own chunk: config/remote.ts). */
async function loadConfig(input: unknown, check: CheckConfig, win: Window, parts: LazyParts): Promise<LoadedConfig> {
  const inline = check(input);
  const url = "config" in inline ? inline.config.configUrl : undefined;
  return url ? (await parts.remoteConfig())(input as object, url, win, check) : inline;
}

/** Wraps every method: a failure is reported (console + `error` event), never thrown. */
function guardAll(api: NpsKit, report: (where: string, error: unknown) => void): NpsKit {
  const safe = {} as Record<string, unknown>;
  for (const [name, fn] of Object.entries(api)) {
    safe[name] = guarded(
      name,
      fn as (...args: unknown[]) => unknown,
      report,
      name === "explain" ? NOT_RUNNING : undefined,
    );
  }
  return safe as unknown as NpsKit;
}
