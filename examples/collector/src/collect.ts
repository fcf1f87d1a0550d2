// POST /collect: the wire format in (CONTRACT §4), validated, its identity verified, upserted by id.
// The rules every post meets first (CORS, rate limit, size, origin, write key) are applied in app.ts.
import type { Handler } from "hono";
import type { AppOptions } from "./app.js";
import { invalid } from "./problems.js";
import { provesUser } from "./secrets.js";
import { saveResponse } from "./store.js";
import { parseResponse } from "./validate.js";

declare module "hono" {
  interface ContextVariableMap {
    /** The id of the response a post carried, for the log of refused posts. */
    responseId: string;
  }
}

/** Body types a browser may send: JSON from `fetch`, text/plain from `navigator.sendBeacon`. */
const ACCEPTED_TYPES = ["application/json", "text/plain"];

export function collect({
  db,
  identitySecret,
  onStored,
}: Pick<AppOptions, "db" | "identitySecret" | "onStored">): Handler {
  return async (c) => {
    const type = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase();
    if (type && !ACCEPTED_TYPES.includes(type))
      return invalid(c, 415, [
        { path: "", message: `content-type must be application/json or text/plain, got ${type}` },
      ]);
    const parsed = parseResponse(await c.req.text());
    if (parsed.id !== undefined) c.set("responseId", parsed.id);
    if (!parsed.ok) return invalid(c, 400, parsed.problems);
    const key = c.req.header("idempotency-key");
    if (key !== undefined && key !== parsed.response.id)
      return invalid(c, 400, [{ path: "id", message: "must equal the Idempotency-Key header" }]);
    // The hash proves the user id; it is never stored or exported, whether or not it is checked.
    const { userHash, ...response } = parsed.response;
    if (identitySecret !== undefined && response.userId) {
      if (userHash === undefined)
        return invalid(c, 401, [
          { path: "userHash", message: "required with a userId: identify(userId, attributes, { userHash })" },
        ]);
      if (!provesUser(identitySecret, response.userId, userHash))
        return invalid(c, 403, [{ path: "userHash", message: "does not match the userId" }]);
    }
    const result = await saveResponse(db, response);
    onStored?.(response, result);
    return c.json({ id: response.id, result });
  };
}
