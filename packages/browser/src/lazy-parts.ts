// The parts of npskit a page view that shows nothing never downloads: the survey UI (widget +
// Preact), delivery (the client), remote config (only for `configUrl`), the localStorage fallback
// (only where IndexedDB fails), debug mode's messages and explain()'s words. Script-tag pages
// import() them as ES module chunks from the loader's own directory (allowed by `script-src
// 'self'`; the nonce of the loader carries over); bundler users get dynamic imports their bundler
// splits off (index.ts).
import type { MountOptions, SurveyHandle } from "@npskit/widget";
import type { NamedStorage, SurveyConfig } from "@npskit/core/runtime";
import type { Ask } from "./runtime/presenter.js";
import type { loadRemoteConfig } from "./config/remote.js";
import type { createDebugLog } from "./runtime/debug-log.js";
import type { ExplainSurvey } from "./runtime/explanation.js";
import type { startDelivery } from "./delivery/start-delivery.js";
import type { SurveyContext } from "./entries/ui.js";

/** The widget seam (docs/ARCHITECTURE.md): renders one survey in its own Shadow DOM, stores nothing. */
export type MountSurvey = (options: MountOptions) => SurveyHandle;
export type { MountOptions };
/** The delivery chunk's entry: the client for a config, its events passed on as the SDK's. */
export type StartDelivery = typeof startDelivery;
/** The UI chunk's entry: shows a survey, its answers going through the session; returns "remove it". */
export type AskSurvey = Ask<SurveyConfig, Omit<SurveyContext, "done">>;

export interface UIChunk {
  ask: AskSurvey;
}

export interface LazyParts {
  ui: () => Promise<UIChunk>;
  client: () => Promise<StartDelivery>;
  remoteConfig: () => Promise<typeof loadRemoteConfig>;
  /** Debug mode's messages (runtime/debug-log.ts), loaded only when it is on. */
  debug: () => Promise<typeof createDebugLog>;
  /** explain()'s answer in words (runtime/explanation.ts), loaded on its first call. */
  explain: () => Promise<ExplainSurvey>;
  /** localStorage, the fallback where IndexedDB is missing or fails; absent = memory only. */
  storage?: () => Promise<NamedStorage>;
}

/** Loads once and shares the promise; a failed load (e.g. offline) may be tried again later. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((e: unknown) => {
      loading = undefined;
      throw e;
    }));
}

/** Directory of the running loader script, captured at load (currentScript is null later). */
export function ownDirectory(doc: Document): string {
  const script = doc.currentScript as HTMLScriptElement | null;
  const src = script?.src || [...doc.querySelectorAll<HTMLScriptElement>("script[src*='npskit']")].pop()?.src;
  return src ? new URL(".", src).href : "";
}

/** The chunks beside npskit.js (see packages/browser/rollup.browser.mjs). */
export function siblingChunks(directory: string): LazyParts {
  const load = (file: string) => import(/* webpackIgnore: true */ `${directory}${file}`);
  return {
    ui: once(() => load("npskit-ui.js") as Promise<UIChunk>),
    client: once(() => load("npskit-send.js").then((m: { startDelivery: StartDelivery }) => m.startDelivery)),
    remoteConfig: once(() =>
      load("npskit-config.js").then((m: { loadRemoteConfig: typeof loadRemoteConfig }) => m.loadRemoteConfig),
    ),
    debug: once(() => load("npskit-debug.js").then((m: { createDebugLog: typeof createDebugLog }) => m.createDebugLog)),
    explain: once(() => load("npskit-explain.js").then((m: { explainSurvey: ExplainSurvey }) => m.explainSurvey)),
    storage: once(() =>
      load("npskit-storage.js").then((m: { localStorageBackend: () => NamedStorage }) => m.localStorageBackend()),
    ),
  };
}
