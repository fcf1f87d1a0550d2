// ESM entry for bundler users: `import { createNpsKit } from "npskit"`. The survey UI, delivery,
// remote config, debug mode and explain()'s words are reached through dynamic imports, so bundlers
// split them into chunks that load only when needed.
import type { NpsKitConfigInput } from "@npskit/core";
import type { NpsKit } from "./api.js";
import { once, type LazyParts } from "./lazy-parts.js";
import { guardedConfig } from "./config/production-check.js";
import { createInstance } from "./sdk/instance.js";

const parts: LazyParts = {
  ui: once(() => import("./entries/ui.js")),
  client: once(() => import("./entries/send.js").then((chunk) => chunk.startDelivery)),
  remoteConfig: once(() => import("./entries/config.js").then((chunk) => chunk.loadRemoteConfig)),
  debug: once(() => import("./entries/debug.js").then((chunk) => chunk.createDebugLog)),
  explain: once(() => import("./entries/explain.js").then((chunk) => chunk.explainSurvey)),
  storage: once(() => import("./entries/storage.js").then((chunk) => chunk.localStorageBackend())),
};

/**
 * A new npskit instance; with a config it is initialised at once (same as calling `init`). The
 * config is checked by the production guard: `npx npskit validate` lists every problem by path.
 */
export function createNpsKit(config?: NpsKitConfigInput): NpsKit {
  const sdk = createInstance({ parts, check: guardedConfig });
  if (config !== undefined) sdk.init(config);
  return sdk;
}

export type { Attributes, EventName, Explanation, Listener, NpsKit } from "./api.js";
export type { NpsKitConfig, NpsKitConfigInput, SurveyConfig, SurveyResponse } from "@npskit/core";
export { VERSION } from "./version.js";
