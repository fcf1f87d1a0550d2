// The reference collector on an in-memory PGlite and a random loopback port, for the browser
// journeys: started before a file's tests (optionally seeded first), stopped after them.
import { serve } from "@hono/node-server";
import { afterAll, beforeAll } from "vitest";
import { createApp, type AppOptions } from "../src/app.js";
import { openPglite, type Db } from "../src/db.js";
import { migrate } from "../src/migrations.js";

export interface ServedCollector {
  db: Db;
  /** `http://127.0.0.1:<port>`, set once the server listens. */
  url: string;
}

export function useCollector(options: Omit<AppOptions, "db"> = {}, seed?: (db: Db) => Promise<void>): ServedCollector {
  const collector = {} as ServedCollector;
  let server: ReturnType<typeof serve> | undefined;
  beforeAll(async () => {
    collector.db = await openPglite();
    await migrate(collector.db);
    await seed?.(collector.db);
    await new Promise<void>((resolve) => {
      server = serve(
        { fetch: createApp({ db: collector.db, ...options }).fetch, port: 0, hostname: "127.0.0.1" },
        (info) => {
          collector.url = `http://127.0.0.1:${info.port}`;
          resolve();
        },
      );
    });
  });
  afterAll(async () => {
    if (server && "closeAllConnections" in server) server.closeAllConnections();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await collector.db?.close();
  });
  return collector;
}
