// Starts the reference collector: `node dist/main.js` (see README in this folder for settings).
import { mkdirSync } from "node:fs";
import { serve } from "@hono/node-server";
import type { Hono } from "hono";
import { createApp } from "./app.js";
import { openPglite, openPostgres, type Db } from "./db.js";
import { migrate } from "./migrations.js";
import { exposureProblem, settingsFromEnv, type CollectorSettings } from "./settings.js";

export async function openDatabase(settings: Pick<CollectorSettings, "databaseUrl" | "dataDir">): Promise<Db> {
  if (settings.databaseUrl) return openPostgres(settings.databaseUrl);
  mkdirSync(settings.dataDir, { recursive: true });
  return openPglite(settings.dataDir);
}

type Fetch = (request: Request) => Response | Promise<Response>;

function listen(fetch: Fetch, port: number, hostname: string): Promise<ReturnType<typeof serve>> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname }, () => resolve(server));
    server.once("error", reject);
  });
}

/**
 * Refuses settings that would serve reads to anyone (see exposureProblem). Listens first (a busy
 * port fails before the data directory is touched, so a second instance never opens the same
 * embedded database), then opens storage and migrates; requests arriving meanwhile get 503 with
 * Retry-After, which the SDK retries. Resolves with the bound port.
 */
export async function startCollector(settings: CollectorSettings): Promise<{ port: number; stop(): Promise<void> }> {
  const problem = exposureProblem(settings);
  if (problem) throw new Error(problem);
  let app: Hono | undefined;
  const starting = () => new Response("starting", { status: 503, headers: { "retry-after": "1" } });
  const server = await listen((request) => (app ? app.fetch(request) : starting()), settings.port, settings.host);
  const close = () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Browsers keep connections open; end them so shutdown is immediate.
    if ("closeAllConnections" in server) server.closeAllConnections();
    return closed;
  };
  let db: Db;
  try {
    db = await openDatabase(settings);
    await migrate(db);
  } catch (error) {
    await close();
    throw error;
  }
  const { origins, apiKey, readToken, allowedHosts, identitySecret, rateLimit, trustProxy, onStored } = settings;
  app = createApp({ db, origins, apiKey, readToken, allowedHosts, identitySecret, rateLimit, trustProxy, onStored });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : settings.port;
  const stop = async () => {
    await close();
    await db.close();
  };
  return { port, stop };
}

async function main() {
  const settings = settingsFromEnv();
  const collector = await startCollector(settings);
  const storage = settings.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `PGlite in ${settings.dataDir}`;
  console.log(`[npskit] collector on http://${settings.host}:${collector.port} (${storage}); report: /report`);
  const shutdown = () => void collector.stop().then(() => process.exit(0));
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(`[npskit] collector failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
