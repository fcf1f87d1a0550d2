// POST /collect: the wire format in (CONTRACT §4), validated, upserted by id.
import { timingSafeEqual } from "node:crypto";
import type { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import type { AppOptions } from "./app.js";
import { invalid } from "./problems.js";
import { saveResponse } from "./store.js";
import { parseResponse } from "./validate.js";

/** Body types a browser may send: JSON from `fetch`, text/plain from `navigator.sendBeacon`. */
const ACCEPTED_TYPES = ["application/json", "text/plain"];

export function mountCollect(app: Hono, options: AppOptions): void {
  const { db, origins = "*", apiKey, maxBodyBytes = 64 * 1024, onStored } = options;
  app.use(
    "/collect",
    cors({
      origin: origins === "*" ? "*" : [...origins],
      allowMethods: ["POST", "OPTIONS"],
      allowHeaders: ["content-type", "idempotency-key", "x-api-key"],
      maxAge: 86_400,
    }),
  );
  const limit = bodyLimit({ maxSize: maxBodyBytes, onError: (c) => invalid(c, 413, [{ path: "", message: `body exceeds ${maxBodyBytes} bytes` }]) });
  app.post("/collect", limit, async (c) => {
    // CORS only stops a browser from reading the answer; refuse the write itself too.
    const origin = c.req.header("origin");
    if (origins !== "*" && origin !== undefined && !origins.includes(origin)) return c.json({ error: `origin ${origin} is not allowed` }, 403);
    if (apiKey !== undefined && !sameSecret(c.req.header("x-api-key"), apiKey)) return c.json({ error: "missing or wrong x-api-key" }, 401);
    const type = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase();
    if (type && !ACCEPTED_TYPES.includes(type)) return invalid(c, 415, [{ path: "", message: `content-type must be application/json or text/plain, got ${type}` }]);
    const parsed = parseResponse(await c.req.text());
    if (!parsed.ok) return invalid(c, 400, parsed.problems);
    const key = c.req.header("idempotency-key");
    if (key !== undefined && key !== parsed.response.id) return invalid(c, 400, [{ path: "id", message: "must equal the Idempotency-Key header" }]);
    const result = await saveResponse(db, parsed.response);
    onStored?.(parsed.response, result);
    return c.json({ id: parsed.response.id, result });
  });
}

/** Constant-time comparison, so the key cannot be guessed byte by byte from response times. */
function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
