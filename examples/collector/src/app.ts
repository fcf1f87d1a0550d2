// The reference collector's HTTP surface (CONTRACT §7), as a Hono app with its storage injected.
import { Hono } from "hono";
import type { SurveyResponse } from "@npskit/core";
import { mountCollect } from "./collect.js";
import type { Db } from "./db.js";
import { mountReads } from "./reads.js";
import type { SaveResult } from "./store.js";

export interface AppOptions {
  db: Db;
  /** Origins allowed to POST from a browser (CORS); `"*"` (default) allows any. */
  origins?: readonly string[] | "*";
  /** When set, `POST /collect` requires this value in the `x-api-key` header. */
  apiKey?: string | undefined;
  /** Largest accepted request body (default 64 KiB). */
  maxBodyBytes?: number;
  /** Called after each accepted response, e.g. to log it. */
  onStored?: ((response: SurveyResponse, result: SaveResult) => void) | undefined;
  /** Where unexpected errors are reported (default `console.error`). */
  logError?: (error: unknown) => void;
}

export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  app.use("*", async (c, next) => {
    await next();
    c.header("x-content-type-options", "nosniff");
  });
  app.onError((error, c) => {
    (options.logError ?? console.error)(error);
    return c.json({ error: "internal error" }, 500);
  });
  mountCollect(app, options);
  mountReads(app, options.db);
  app.get("/healthz", (c) => c.json({ ok: true }));
  app.get("/", (c) => c.redirect("/report"));
  return app;
}
