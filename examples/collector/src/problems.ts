import type { Context } from "hono";
import type { Problem } from "./validate.js";

/** The one shape of every client error: what is wrong, by path. */
export function invalid(c: Context, status: 400 | 401 | 403 | 413 | 415, problems: readonly Problem[]) {
  return c.json({ error: "invalid request", problems }, status);
}
