// Turns what the host page passed to init into a validated config: the zod-free validator from
// core (zod stays out of the page-view bundle), then, with `configUrl`, the remote config merged
// over the inline one and validated again. The last good remote copy is kept so a later page
// starts without waiting for the network (and still starts when that fetch fails).
import { validateConfigLite, type NpsKitConfig } from "@npskit/core";

export type LoadedConfig = { config: NpsKitConfig; warnings: string[] } | { problems: string[] };

export interface ConfigSources {
  fetch?: typeof fetch | undefined;
  /** Where the remote copy is cached; absent (or throwing, e.g. blocked cookies) means no cache. */
  cache?: Pick<Storage, "getItem" | "setItem"> | undefined;
  /** Whether caching is allowed (not before consent when the config requires it). */
  mayCache: (config: NpsKitConfig) => boolean;
}

const CACHE_PREFIX = "npskit:config:";
const FETCH_TIMEOUT_MS = 10_000;

function validate(input: unknown): LoadedConfig {
  const result = validateConfigLite(input);
  const warnings = result.warnings.map((w) => w.message);
  return result.ok ? { config: result.config, warnings } : { problems: result.problems.map((p) => p.message) };
}

export async function loadConfig(input: unknown, sources: ConfigSources): Promise<LoadedConfig> {
  const inline = validate(input);
  if (!("config" in inline) || !inline.config.configUrl) return inline;
  const url = inline.config.configUrl;
  const cached = readCache(sources.cache, url);
  const fresh = fetchRemote(url, sources.fetch).then((remote) => {
    const merged = validate({ ...(input as object), ...remote, configUrl: url });
    if ("config" in merged && sources.mayCache(merged.config)) writeCache(sources.cache, url, remote);
    return merged;
  });
  if (cached !== undefined) {
    const fromCache = validate({ ...(input as object), ...cached, configUrl: url });
    if ("config" in fromCache) {
      void fresh.catch(() => {}); // refreshes the cache for the next page
      return fromCache;
    }
  }
  return fresh.catch((e: unknown) => ({ problems: [`configUrl could not be loaded from ${url}: ${e instanceof Error ? e.message : String(e)}`] }));
}

async function fetchRemote(url: string, fetchFn: typeof fetch | undefined): Promise<object> {
  if (!fetchFn) throw new Error("fetch is not available");
  const controller = typeof AbortController === "function" ? new AbortController() : undefined;
  const timer = setTimeout(() => controller?.abort(), FETCH_TIMEOUT_MS);
  try {
    const response = await fetchFn(url, { credentials: "omit", ...(controller ? { signal: controller.signal } : {}) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const body: unknown = await response.json();
    if (body === null || typeof body !== "object" || Array.isArray(body)) throw new Error("the response is not a JSON object");
    return body;
  } finally {
    clearTimeout(timer);
  }
}

function readCache(cache: ConfigSources["cache"], url: string): object | undefined {
  try {
    const text = cache?.getItem(CACHE_PREFIX + url);
    return text ? (JSON.parse(text) as object) : undefined;
  } catch {
    return undefined;
  }
}

function writeCache(cache: ConfigSources["cache"], url: string, remote: object): void {
  try {
    cache?.setItem(CACHE_PREFIX + url, JSON.stringify(remote));
  } catch {
    // full or blocked storage: the next page simply fetches again
  }
}
