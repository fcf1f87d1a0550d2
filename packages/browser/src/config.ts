// Turns what the host page passed to init into a validated config, with the zod-free validator
// from core (zod stays out of the page-view bundle). With `configUrl`, the remote part loads its
// own chunk (remote-config.ts).
import { validateConfigLite } from "@npskit/core";
import type { LoadedConfig, RemoteSources, loadRemoteConfig } from "./remote-config.js";

export type { LoadedConfig };

export function validate(input: unknown): LoadedConfig {
  const result = validateConfigLite(input);
  const warnings = result.warnings.map((w) => w.message);
  return result.ok ? { config: result.config, warnings } : { problems: result.problems.map((p) => p.message) };
}

export async function loadConfig(
  input: unknown,
  sources: RemoteSources & { remote: () => Promise<typeof loadRemoteConfig> },
): Promise<LoadedConfig> {
  const inline = validate(input);
  const url = "config" in inline ? inline.config.configUrl : undefined;
  return url ? (await sources.remote())(input as object, url, sources, validate) : inline;
}
