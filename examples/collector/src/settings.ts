// The collector's settings, from the environment (README "Settings" and "Deploying").
import type { AppOptions } from "./app.js";
import { isLoopback } from "./guards.js";

export interface CollectorSettings {
  port: number;
  host: string;
  databaseUrl?: string | undefined;
  dataDir: string;
  origins: readonly string[] | "*";
  apiKey?: string | undefined;
  readToken?: string | undefined;
  allowedHosts?: readonly string[];
  identitySecret?: string | undefined;
  /** Posts to /collect per minute per client; absent: no limit. */
  rateLimit?: number | undefined;
  trustProxy?: boolean;
  onStored?: AppOptions["onStored"];
}

/** Secrets shorter than this are guessable. */
const MIN_SECRET = 16;

export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): CollectorSettings {
  const list = (value: string | undefined) =>
    value
      ?.split(",")
      .map((item) => item.trim())
      .filter(Boolean) ?? [];
  const origins = list(env.NPSKIT_ORIGINS);
  const port = Number(env.PORT || 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be an integer from 0 to 65535, got "${env.PORT}"`);
  const rateLimit = env.NPSKIT_RATE_LIMIT ? Number(env.NPSKIT_RATE_LIMIT) : undefined;
  if (rateLimit !== undefined && !(Number.isInteger(rateLimit) && rateLimit > 0)) {
    throw new Error(
      `NPSKIT_RATE_LIMIT must be a whole number of posts per minute per client (e.g. 60), got "${env.NPSKIT_RATE_LIMIT}"`,
    );
  }
  const trustProxy = env.NPSKIT_TRUST_PROXY || "0";
  if (trustProxy !== "0" && trustProxy !== "1")
    throw new Error(`NPSKIT_TRUST_PROXY must be 1 (behind one reverse proxy) or 0, got "${trustProxy}"`);
  const secret = (name: "NPSKIT_READ_TOKEN" | "NPSKIT_IDENTITY_SECRET") => {
    const value = env[name] || undefined;
    if (value !== undefined && value.length < MIN_SECRET)
      throw new Error(`${name} must be at least ${MIN_SECRET} characters (e.g. openssl rand -hex 24)`);
    return value;
  };
  const settings: CollectorSettings = {
    port,
    host: env.HOST || "127.0.0.1",
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.NPSKIT_DATA_DIR || ".data/collector",
    origins: origins.length ? origins : "*",
    apiKey: env.NPSKIT_API_KEY || undefined,
    readToken: secret("NPSKIT_READ_TOKEN"),
    allowedHosts: list(env.NPSKIT_ALLOWED_HOSTS),
    identitySecret: secret("NPSKIT_IDENTITY_SECRET"),
    rateLimit,
    trustProxy: trustProxy === "1",
  };
  if (settings.readToken !== undefined && settings.readToken === settings.apiKey) {
    throw new Error("NPSKIT_READ_TOKEN must differ from NPSKIT_API_KEY: the write key ships in page source");
  }
  return settings;
}

/**
 * Why these settings must not serve: reads without a token are for this machine only, so a
 * collector others can reach (bound beyond loopback, or behind a proxy) needs NPSKIT_READ_TOKEN.
 */
export function exposureProblem(
  settings: Pick<CollectorSettings, "host" | "readToken" | "trustProxy">,
): string | undefined {
  if (settings.readToken !== undefined) return undefined;
  if (!isLoopback(settings.host))
    return `HOST=${settings.host} is reachable from other machines: set NPSKIT_READ_TOKEN so that reads need it`;
  if (settings.trustProxy)
    return "NPSKIT_TRUST_PROXY=1 serves through a proxy: set NPSKIT_READ_TOKEN so that reads need it";
  return undefined;
}
