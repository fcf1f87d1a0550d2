// ESM entry for bundler users: `import { createNpsKit } from "npskit"`. The survey UI, delivery and
// remote config are reached through dynamic imports, so bundlers split them into chunks that load
// only when needed.
import type { NpsKitConfigInput } from "@npskit/core";
import type { NpsKit } from "./api.js";
import { once, type LazyParts } from "./chunks.js";
import { guardedConfig } from "./config.js";
import { createInstance } from "./instance.js";

const parts: LazyParts = {
  ui: once(() => import("./ui-chunk.js")),
  client: once(() => import("./delivery.js").then((chunk) => chunk.startDelivery)),
  remoteConfig: once(() => import("./remote-config.js").then((chunk) => chunk.loadRemoteConfig)),
  debug: once(() => import("./debug.js").then((chunk) => chunk.createDebugLog)),
  storage: once(() => import("./storage-chunk.js").then((chunk) => chunk.localStorageBackend())),
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
