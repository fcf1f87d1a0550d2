// The collector's cross-cutting rules as middleware: which Host names may read, who may read, and
// how often one client may post. Handlers only do their job; createApp (app.ts) applies these.
import type { IncomingMessage } from "node:http";
import type { Context, MiddlewareHandler } from "hono";
import { sameSecret } from "./secrets.js";

/** `localhost`, `*.localhost`, 127.0.0.0/8 and ::1 (also IPv4-mapped, and in URL brackets). */
export function isLoopback(hostOrAddress: string): boolean {
  const host = hostOrAddress
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1")
    .replace(/^::ffff:/, "");
  return host === "localhost" || host.endsWith(".localhost") || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The address of the connection's other end, when served by Node (absent in `app.request` tests). */
const peerAddress = (c: Context): string | undefined =>
  (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket?.remoteAddress;

/**
 * Answers only requests whose `Host` is a loopback name or one of `hosts` (a name, or name:port),
 * so a page on another site cannot read through DNS rebinding (its requests carry its own name).
 * @example app.use("/api/*", hostAllowlist({ hosts: ["nps.example.com"] }))
 */
export function hostAllowlist({ hosts = [] }: { hosts?: readonly string[] | undefined } = {}): MiddlewareHandler {
  const allowed = new Set(hosts.map((h) => h.trim().toLowerCase()));
  return async (c, next) => {
    const { host, hostname } = new URL(c.req.url);
    if (isLoopback(hostname) || allowed.has(hostname) || allowed.has(host)) return next();
    return c.json({ error: `host ${host} is not allowed: add it to NPSKIT_ALLOWED_HOSTS` }, 403);
  };
}

/**
 * With a `token`, reads need it: `Authorization: Bearer <token>`, or HTTP Basic auth with the token
 * as password (any user name), so the report opens through the browser's login prompt; otherwise
 * 401 with `WWW-Authenticate: Basic realm="npskit"`. Without a token, reads are for this machine
 * only: a loopback peer, not through a proxy.
 * @example app.use("/report", readAccess({ token: process.env.NPSKIT_READ_TOKEN }))
 */
export function readAccess({ token }: { token?: string | undefined }): MiddlewareHandler {
  return async (c, next) => {
    if (token === undefined) {
      if (fromThisMachine(c)) return next();
      return c.json({ error: "reads from another machine need NPSKIT_READ_TOKEN to be set" }, 403);
    }
    if (sameSecret(presentedToken(c.req.header("authorization")), token)) return next();
    c.header("www-authenticate", 'Basic realm="npskit"');
    return c.json(
      { error: "missing or wrong read token (Authorization: Bearer, or Basic with the token as password)" },
      401,
    );
  };
}

function fromThisMachine(c: Context): boolean {
  const peer = peerAddress(c);
  const proxied = ["forwarded", "x-forwarded-for", "x-real-ip"].some((name) => c.req.header(name) !== undefined);
  return !proxied && (peer === undefined || isLoopback(peer));
}

/** The token of a Bearer header, or the password of a Basic one. */
function presentedToken(authorization: string | undefined): string | undefined {
  const [, scheme = "", value = ""] = /^(\w+) +(.*)$/.exec(authorization?.trim() ?? "") ?? [];
  if (scheme.toLowerCase() === "bearer") return value;
  if (scheme.toLowerCase() !== "basic") return undefined;
  const decoded = Buffer.from(value, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? undefined : decoded.slice(colon + 1);
}

/**
 * Posts from a browser page only from `origins` (when not `"*"`): CORS only stops a page from
 * reading the answer, so the write itself is refused too. Posts without an Origin (servers) pass.
 * @example app.post("/collect", originAllowlist({ origins: ["https://shop.example"] }), handler)
 */
export function originAllowlist({ origins }: { origins: readonly string[] | "*" }): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header("origin");
    if (origins === "*" || origin === undefined || origins.includes(origin)) return next();
    return c.json({ error: `origin ${origin} is not allowed` }, 403);
  };
}

/**
 * With a `key`, posts need it in `x-api-key`. It keeps out clients that never loaded the page, not
 * a person: the key ships in page source and is public by nature.
 * @example app.post("/collect", writeKey({ key: process.env.NPSKIT_API_KEY }), handler)
 */
export function writeKey({ key }: { key?: string | undefined }): MiddlewareHandler {
  return async (c, next) => {
    if (key === undefined || sameSecret(c.req.header("x-api-key"), key)) return next();
    return c.json({ error: "missing or wrong x-api-key" }, 401);
  };
}

/**
 * Logs each refused post (4xx, but 429: a flood would flood the log) by response id, status and
 * problem paths: never the comment, attribute values or user id it carried.
 * @example app.use("/collect", logRefusals({ log: console.warn }))
 */
export function logRefusals({ log }: { log: (line: string) => void }): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const { status } = c.res;
    if (status < 400 || status >= 500 || status === 429) return;
    const body = (await c.res
      .clone()
      .json()
      .catch(() => ({}))) as { error?: string; problems?: { path: string }[] };
    const id = c.get("responseId");
    const paths = new Set(body.problems?.map((p) => JSON.stringify(p.path.slice(0, 80))));
    const what = body.problems ? `at ${[...paths].join(", ")}` : body.error;
    log(
      `[npskit] refused ${id && /^[\w.:-]{1,64}$/.test(id) ? `response ${id}` : "a post"}: ${status} ${what ?? ""}`.trim(),
    );
  };
}

/** Clients tracked at most: beyond it, the least recently seen half is forgotten. */
const MAX_TRACKED_CLIENTS = 10_000;

export interface RateLimitOptions {
  /** Requests per minute per client; a burst of that many is allowed, then one every 60/perMinute s. */
  perMinute: number;
  /** Behind one reverse proxy: the client is the last address it appended to X-Forwarded-For. */
  trustProxy?: boolean | undefined;
  now?: () => number;
}

/**
 * At most `perMinute` requests per client (a token bucket), else 429 with `Retry-After` in seconds,
 * which the SDK honours. The client is the connection's peer address, or with `trustProxy` the
 * proxy's last X-Forwarded-For entry (earlier entries are whatever the client claimed).
 * @example app.post("/collect", rateLimit({ perMinute: 60 }), handler)
 */
export function rateLimit({ perMinute, trustProxy = false, now = Date.now }: RateLimitOptions): MiddlewareHandler {
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return async (c, next) => {
    const t = now();
    const client = clientAddress(c, trustProxy);
    const bucket = buckets.get(client);
    const tokens = bucket ? Math.min(perMinute, bucket.tokens + (t - bucket.at) * perMs) : perMinute;
    if (tokens < 1) {
      c.header("retry-after", String(Math.max(1, Math.ceil((1 - tokens) / perMs / 1000))));
      return c.json({ error: `too many requests: at most ${perMinute} per minute from one client` }, 429);
    }
    buckets.delete(client); // re-inserted last: the map stays in least-recently-used order
    buckets.set(client, { tokens: tokens - 1, at: t });
    if (buckets.size > MAX_TRACKED_CLIENTS) {
      // The least recently seen half goes (mostly refilled anyway; under a flood of addresses they start afresh).
      for (const key of buckets.keys()) if (buckets.delete(key) && buckets.size <= MAX_TRACKED_CLIENTS / 2) break;
    }
    return next();
  };
}

function clientAddress(c: Context, trustProxy: boolean): string {
  const forwarded = trustProxy
    ? c.req
        .header("x-forwarded-for")
        ?.split(",")
        .map((a) => a.trim())
        .filter(Boolean)
        .pop()
    : undefined;
  return forwarded ?? peerAddress(c) ?? "unknown";
}
