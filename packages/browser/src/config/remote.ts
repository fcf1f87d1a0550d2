// `configUrl` (in its own chunk: most sites configure inline and never download this). The remote
// config is merged over the inline one and validated again. The last good remote copy is kept so
// a later page starts without waiting for the network, and still starts when that fetch fails.
import { toJson, withTimeout, type NpsKitConfig } from "@npskit/core/runtime";
import { describeError } from "../sdk/safe-calls.js";

export type LoadedConfig = { config: NpsKitConfig; warnings: string[] } | { problems: string[] };

const CACHE_PREFIX = "npskit:config:";
/** A fetch that never answers would hold init, and every call waiting behind it, forever. */
const FETCH_TIMEOUT_MS = 10_000;

/** Runs `fn`, or gives undefined where storage throws (blocked, full, corrupt JSON). */
function attempt<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

/** Caching is allowed unless the config waits for consent. */
const mayCache = (config: NpsKitConfig) => !config.requireConsent;

/** `validate` is the loader's own check (passed in, so this chunk carries no second copy of it). */
export async function loadRemoteConfig(
  input: object,
  url: string,
  win: Window,
  validate: (input: unknown) => LoadedConfig,
): Promise<LoadedConfig> {
  const key = CACHE_PREFIX + url;
  // Reading `localStorage` itself throws where storage is blocked: then there is no cache.
  const cache = attempt(() => win.localStorage);
  const merged = (remote: unknown) => validate({ ...input, ...(remote as object), configUrl: url });
  const fresh = withTimeout(
    win.fetch(url, { credentials: "omit" }).then(async (response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const remote: unknown = await response.json();
      if (typeof remote !== "object" || !remote || Array.isArray(remote))
        throw new Error("the response is not a JSON object");
      const result = merged(remote);
      if ("config" in result && mayCache(result.config)) attempt(() => cache?.setItem(key, toJson(remote)));
      return result;
    }),
    FETCH_TIMEOUT_MS,
  );
  const cached = attempt(() => JSON.parse(cache?.getItem(key) ?? "null") as unknown);
  const fromCache = cached ? merged(cached) : undefined;
  if (fromCache && "config" in fromCache) {
    fresh.catch(() => {}); // only refreshes the cache, for the next page
    return fromCache;
  }
  return fresh.catch((e: unknown) => ({ problems: [`configUrl ${url} could not be loaded: ${describeError(e)}`] }));
}
