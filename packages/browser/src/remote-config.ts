// `configUrl` (in its own chunk: most sites configure inline and never download this). The remote
// config is merged over the inline one and validated again. The last good remote copy is kept so
// a later page starts without waiting for the network, and still starts when that fetch fails.
import type { NpsKitConfig } from "@npskit/core";
import { describeError } from "./guard.js";

export type LoadedConfig = { config: NpsKitConfig; warnings: string[] } | { problems: string[] };

export interface RemoteSources {
  fetch: typeof fetch;
  /** Where the remote copy is cached; absent (storage blocked) means no cache. */
  cache: Pick<Storage, "getItem" | "setItem"> | undefined;
  /** Whether caching is allowed (not before consent when the config requires it). */
  mayCache: (config: NpsKitConfig) => boolean;
}

const CACHE_PREFIX = "npskit:config:";

/** Runs `fn`, or gives undefined where storage throws (blocked, full, corrupt JSON). */
function attempt<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

/** `validate` is the loader's own check (passed in, so this chunk carries no second copy of it). */
export async function loadRemoteConfig(input: object, url: string, sources: RemoteSources, validate: (input: unknown) => LoadedConfig): Promise<LoadedConfig> {
  const key = CACHE_PREFIX + url;
  const merged = (remote: unknown) => validate({ ...input, ...(remote as object), configUrl: url });
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
