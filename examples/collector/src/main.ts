#!/usr/bin/env node
// Starts the reference collector: `node dist/main.js` (see README in this folder for settings);
// `node dist/main.js import FILE` loads responses from an NDJSON or CSV file into the same store instead.
import { mkdirSync, realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { serve } from "@hono/node-server";
import type { Hono } from "hono";
import { type AppOptions, createApp } from "./app.js";
import { openPglite, openPostgres, type Db, type PgliteOptions } from "./db.js";
import { importFile, importSummary } from "./import.js";
import { migrate } from "./migrations.js";
import { exposureProblem, settingsFromEnv, type CollectorSettings } from "./settings.js";
import { refreshStatisticsOrLog, statisticsKeeper } from "./statistics.js";

export async function openDatabase(
  settings: Pick<CollectorSettings, "databaseUrl" | "dataDir">,
  options: PgliteOptions = {},
): Promise<Db> {
  if (settings.databaseUrl) return openPostgres(settings.databaseUrl);
  mkdirSync(settings.dataDir, { recursive: true });
  return openPglite(settings.dataDir, options);
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
    if (!settings.databaseUrl) await refreshStatisticsOrLog(db);
  } catch (error) {
    await close();
    throw error;
  }
  // The embedded database's statistics follow the answers (statistics.ts); a server's autovacuum does that.
  const statistics = settings.databaseUrl ? undefined : statisticsKeeper(db);
  const { origins, apiKey, readToken, allowedHosts, identitySecret, rateLimit, trustProxy } = settings;
  const onStored: AppOptions["onStored"] = (response, result) => {
    if (result !== "ignored") statistics?.wrote();
    settings.onStored?.(response, result);
  };
  app = createApp({ db, origins, apiKey, readToken, allowedHosts, identitySecret, rateLimit, trustProxy, onStored });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : settings.port;
  const stop = async () => {
    await close();
    await statistics?.stop();
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

/** `import FILE`: into the store the server would use; exit code 1 when some lines were rejected. */
export async function runImport(file: string | undefined, env: NodeJS.ProcessEnv = process.env) {
  if (!file)
    throw new Error(
      "usage: node dist/main.js import FILE (NDJSON, one wire-format response per line, or FILE.csv as /api/export.csv writes it)",
    );
  // This process only imports: the embedded database may log for bulk loading (PgliteOptions).
  const db = await openDatabase(settingsFromEnv(env), { bulkLoading: true });
  try {
    await migrate(db);
    const started = performance.now();
    const cpuAtStart = process.cpuUsage();
    let reported = started;
    const counts = await importFile(db, file, {
      onProgress: ({ lines, rejected }) => {
        const now = performance.now();
        if (now - reported < 1000) return;
        reported = now;
        console.error(
          `[npskit] import: ${lines} lines (${Math.round(lines / ((now - started) / 1000))}/s), ${rejected.length} rejected`,
        );
      },
      // Building can take longer than reading (a bulk load builds every index then): say so.
      onBuilding: ({ lines }) =>
        console.error(`[npskit] import: ${lines} lines stored; building the counts, latest answers and indexes…`),
    });
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuAtStart);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    console.log(
      `${importSummary(counts)}\n[npskit] ${seconds.toFixed(1)} s (CPU ${cpuSeconds.toFixed(1)} s), ${Math.round(counts.lines / seconds)} lines/s`,
    );
    if (counts.rejected.length > 0) process.exitCode = 1;
  } finally {
    await db.close();
  }
}

// Run as a program (also through the `npskit-collector` bin's symlink), not when imported.
const invoked = process.argv[1] !== undefined && pathToFileURL(realpathSync(process.argv[1])).href === import.meta.url;

if (invoked && process.argv[2] === "import") {
  runImport(process.argv[3]).catch((error) => {
    console.error(`[npskit] import failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
} else if (invoked) {
  main().catch((error) => {
    console.error(`[npskit] collector failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
