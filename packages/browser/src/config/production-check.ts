// The production check of what the host page passed to init: core's guard (a structural copy with
// defaults and type checks, no validator). A config it cannot use gives one line naming the first
// bad path and where to see every problem; the development build passes the full validator
// instead (development-check.ts).
import { guardConfig } from "@npskit/core/runtime";
import type { LoadedConfig } from "./remote.js";

export type { LoadedConfig };
export type CheckConfig = (input: unknown) => LoadedConfig;

const WHERE_TO_LOOK = "every problem: npx npskit validate config.json, or npskit.dev.js";

export function guardedConfig(input: unknown): LoadedConfig {
  const result = guardConfig(input);
  return result.ok
    ? { config: result.config, warnings: [] }
    : { problems: [`${result.path} cannot be used, npskit is off; ${WHERE_TO_LOOK}`] };
}
