// Turns what the host page passed to init into a config. Production page views run core's guard
// (a structural copy with defaults and type checks, no validator): a config it cannot use prints
// one line naming the first bad path and where to see every problem; the development build
// passes the full validator instead (development-check.ts). With `configUrl`, the remote part loads its
// own chunk (remote.ts).
import { guardConfig } from "@npskit/core/runtime";
import type { LoadedConfig, loadRemoteConfig } from "./remote.js";

export type { LoadedConfig };
export type CheckConfig = (input: unknown) => LoadedConfig;

export const WHERE_TO_LOOK = "every problem: npx npskit validate config.json, or npskit.dev.js";

export function guardedConfig(input: unknown): LoadedConfig {
  const result = guardConfig(input);
  return result.ok
    ? { config: result.config, warnings: [] }
    : { problems: [`${result.path} cannot be used, npskit is off; ${WHERE_TO_LOOK}`] };
}

export async function loadConfig(
  input: unknown,
  check: CheckConfig,
  win: Window,
  remote: () => Promise<typeof loadRemoteConfig>,
): Promise<LoadedConfig> {
  const inline = check(input);
  const url = "config" in inline ? inline.config.configUrl : undefined;
  return url ? (await remote())(input as object, url, win, check) : inline;
}
