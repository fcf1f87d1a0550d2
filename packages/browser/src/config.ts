// Turns what the host page passed to init into a validated config: the zod-free validator from
// core (zod stays out of the page-view bundle), then, with `configUrl`, the remote config merged
// over the inline one and validated again. The last good remote copy is kept so a later page
// starts without waiting for the network (and still starts when that fetch fails).
import { validateConfigLite, type NpsKitConfig } from "@npskit/core";
import { describeError } from "./guard.js";

export type LoadedConfig = { config: NpsKitConfig; warnings: string[] } | { problems: string[] };

export interface ConfigSources {
  fetch: typeof fetch;
  /** Where the remote copy is cached; absent (storage blocked) means no cache. */
  cache: Pick<Storage, "getItem" | "setItem"> | undefined;
  /** Whether caching is allowed (not before consent when the config requires it). */
  mayCache: (config: NpsKitConfig) => boolean;
}

const CACHE_PREFIX = "npskit:config:";

function validate(input: unknown): LoadedConfig {
  const result = validateConfigLite(input);
  const warnings = result.warnings.map((w) => w.message);
  return result.ok ? { config: result.config, warnings } : { problems: result.problems.map((p) => p.message) };
}

/** Runs `fn`, or gives undefined where storage throws (blocked, full, corrupt JSON). */
function attempt<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

export async function loadConfig(input: unknown, sources: ConfigSources): Promise<LoadedConfig> {
  const inline = validate(input);
  const url = "config" in inline ? inline.config.configUrl : undefined;
  if (!url) return inline;
  const key = CACHE_PREFIX + url;
  const merged = (remote: unknown) => validate({ ...(input as object), ...(remote as object), configUrl: url });
  const fresh = sources.fetch(url, { credentials: "omit" }).then(async (response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const remote: unknown = await response.json();
    if (typeof remote !== "object" || !remote || Array.isArray(remote)) throw new Error("the response is not a JSON object");
    const result = merged(remote);
    if ("config" in result && sources.mayCache(result.config)) attempt(() => sources.cache?.setItem(key, JSON.stringify(remote)));
    return result;
  });
  const cached = attempt(() => JSON.parse(sources.cache?.getItem(key) ?? "null") as unknown);
  const fromCache = cached ? merged(cached) : undefined;
  if (fromCache && "config" in fromCache) {
    fresh.catch(() => {}); // only refreshes the cache, for the next page
    return fromCache;
  }
  return fresh.catch((e: unknown) => ({ problems: [`configUrl ${url} could not be loaded: ${describeError(e)}`] }));
}
