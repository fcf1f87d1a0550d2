// Starts the reference collector: `node dist/main.js` (see README in this folder for settings).
import { mkdirSync } from "node:fs";
import { serve } from "@hono/node-server";
import { createApp } from "./app.js";
import { openPglite, openPostgres, type Db } from "./db.js";
import { migrate } from "./migrations.js";

export interface CollectorSettings {
  port: number;
  host: string;
  databaseUrl?: string | undefined;
  dataDir: string;
  origins: readonly string[] | "*";
  apiKey?: string | undefined;
}

export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): CollectorSettings {
  const origins = env.NPSKIT_ORIGINS?.split(",").map((o) => o.trim()).filter(Boolean);
  return {
    port: Number(env.PORT ?? 8787),
    host: env.HOST ?? "127.0.0.1",
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.NPSKIT_DATA_DIR ?? ".data/collector",
    origins: origins?.length ? origins : "*",
    apiKey: env.NPSKIT_API_KEY || undefined,
  };
}

export async function openDatabase(settings: Pick<CollectorSettings, "databaseUrl" | "dataDir">): Promise<Db> {
  if (settings.databaseUrl) return openPostgres(settings.databaseUrl);
  mkdirSync(settings.dataDir, { recursive: true });
  return openPglite(settings.dataDir);
}

/** Opens storage, migrates and listens; resolves with the bound port and a `stop()` that closes both. */
export async function startCollector(settings: CollectorSettings): Promise<{ port: number; stop(): Promise<void> }> {
  const db = await openDatabase(settings);
  await migrate(db);
  const app = createApp({ db, origins: settings.origins, apiKey: settings.apiKey });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: settings.port, hostname: settings.host }, () => resolve(s));
    s.once("error", reject);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : settings.port;
  const stop = async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Browsers keep connections open; end them so shutdown is immediate.
    if ("closeAllConnections" in server) server.closeAllConnections();
    await closed;
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
