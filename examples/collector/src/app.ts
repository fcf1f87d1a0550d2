// The reference collector's HTTP surface (CONTRACT §7), as a Hono app with its storage injected.
// Every cross-cutting rule (headers, who may read from which Host, write limits) is applied here,
// as middleware from guards.ts; the handlers in collect.ts and reads.ts only do their job.
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import type { SurveyResponse } from "@npskit/core";
import { collect } from "./collect.js";
import type { Db } from "./db.js";
import { hostAllowlist, logRefusals, originAllowlist, rateLimit, readAccess, writeKey } from "./guards.js";
import { invalid } from "./problems.js";
import { mountReads, READ_PATHS } from "./reads.js";
import type { SaveResult } from "./store.js";

export interface AppOptions {
  db: Db;
  /** Origins allowed to POST from a browser (CORS); `"*"` (default) allows any. */
  origins?: readonly string[] | "*";
  /** When set, `POST /collect` requires this value in the `x-api-key` header (public: it ships in page source). */
  apiKey?: string | undefined;
  /** When set, every read route requires it (Bearer, or Basic password); else reads are for this machine only. */
  readToken?: string | undefined;
  /** Host names reads answer to besides loopback names (against DNS rebinding). */
  allowedHosts?: readonly string[] | undefined;
  /** When set, an answer with a `userId` must carry `userHash` = HMAC-SHA256(secret, userId) in hex. */
  identitySecret?: string | undefined;
  /** Posts to `/collect` per minute per client (absent: unlimited). */
  rateLimit?: number | undefined;
  /** Behind one reverse proxy: clients are told apart by its X-Forwarded-For entry. */
  trustProxy?: boolean | undefined;
  /** Largest accepted request body (default 64 KiB). */
  maxBodyBytes?: number;
  /** Called after each accepted response (without its userHash), e.g. to log it. */
  onStored?: ((response: SurveyResponse, result: SaveResult) => void) | undefined;
  /** Where refused answers are logged, by id and problem paths only (default `console.warn`). */
  log?: (line: string) => void;
  /** Where unexpected errors are reported (default `console.error` of the stack, never a body). */
  logError?: (error: unknown) => void;
  /** The clock of the rate limit (tests). */
  now?: () => number;
}

export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  app.use("*", async (c, next) => {
    await next();
    c.header("x-content-type-options", "nosniff");
  });
  app.onError((error, c) => {
    (options.logError ?? logStack)(error);
    return c.json({ error: "internal error" }, 500);
  });
  const { origins = "*", apiKey, maxBodyBytes = 64 * 1024, rateLimit: perMinute, trustProxy, now } = options;

  for (const path of READ_PATHS)
    app.use(path, hostAllowlist({ hosts: options.allowedHosts }), readAccess({ token: options.readToken }));
  mountReads(app, options.db);

  app.use(
    "/collect",
    cors({
      origin: origins === "*" ? "*" : [...origins],
      allowMethods: ["POST", "OPTIONS"],
      allowHeaders: ["content-type", "idempotency-key", "x-api-key"],
      // The SDK reads Retry-After (429, 503) to know when to try again.
      exposeHeaders: ["retry-after"],
      maxAge: 86_400,
    }),
    logRefusals({ log: options.log ?? console.warn }),
  );
  app.post(
    "/collect",
    perMinute ? rateLimit({ perMinute, trustProxy, ...(now ? { now } : {}) }) : (_c, next) => next(),
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) => invalid(c, 413, [{ path: "", message: `body exceeds ${maxBodyBytes} bytes` }]),
    }),
    originAllowlist({ origins }),
    writeKey({ key: apiKey }),
    collect(options),
  );
  app.get("/healthz", (c) => c.json({ ok: true }));
  app.get("/", (c) => c.redirect("/report"));
  return app;
}

/** An error's stack (its message and where), never its other fields: a database error can quote the data. */
function logStack(error: unknown): void {
  console.error(`[npskit] internal error: ${error instanceof Error ? (error.stack ?? error.message) : typeof error}`);
}
