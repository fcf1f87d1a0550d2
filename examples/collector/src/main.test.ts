import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { makeResponse } from "@npskit/test-support/responses";
import { openPglite } from "./db.js";
import { runImport, startCollector } from "./main.js";
import { migrate } from "./migrations.js";
import { useScratchDir } from "./scratch.fixture.js";
import { listResponses, saveResponses } from "./store.js";

describe("startCollector", () => {
  const { dir, file: write } = useScratchDir("collector");

  it("serves on a free port with PGlite on disk, and a second instance on the same port fails before touching its data", async () => {
    const collector = await startCollector({ port: 0, host: "127.0.0.1", dataDir: join(dir, "one"), origins: "*" });
    try {
      expect(await (await fetch(`http://127.0.0.1:${collector.port}/healthz`)).json()).toEqual({ ok: true });
      const second = startCollector({
        port: collector.port,
        host: "127.0.0.1",
        dataDir: join(dir, "two"),
        origins: "*",
      });
      await expect(second).rejects.toThrow(/EADDRINUSE/);
      expect(existsSync(join(dir, "two"))).toBe(false);
    } finally {
      await collector.stop();
    }
    expect(existsSync(join(dir, "one", "PG_VERSION"))).toBe(true);
  }, 60_000);

  it("gathers the embedded database's missing statistics when it starts, and still calls onStored", async () => {
    const dataDir = join(dir, "statistics");
    const analyzed = async () => {
      const db = await openPglite(dataDir);
      try {
        const { rows } = await db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_statistic WHERE starelid = 'responses'::regclass",
        );
        return rows[0]?.n ?? 0;
      } finally {
        await db.close();
      }
    };
    const db = await openPglite(dataDir);
    await migrate(db);
    await saveResponses(
      db,
      Array.from({ length: 400 }, (_, i) => makeResponse(i % 11)),
    );
    await db.close();
    expect(await analyzed()).toBe(0);
    const onStored = vi.fn();
    const collector = await startCollector({ port: 0, host: "127.0.0.1", dataDir, origins: "*", onStored });
    try {
      // A stored answer still reaches the settings' onStored (the statistics keeper sees it first).
      const answer = makeResponse(9);
      const posted = await fetch(`http://127.0.0.1:${collector.port}/collect`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(answer),
      });
      expect(posted.ok).toBe(true);
      expect(onStored).toHaveBeenCalledWith(answer, "created");
    } finally {
      await collector.stop();
    }
    expect(await analyzed()).toBeGreaterThan(0);
  }, 60_000);

  it("beyond loopback with NPSKIT_READ_TOKEN, reads need the token and answers still come in", async () => {
    const token = "read-token-0123456789";
    const collector = await startCollector({
      port: 0,
      host: "0.0.0.0",
      dataDir: join(dir, "public"),
      origins: "*",
      readToken: token,
    });
    try {
      const url = `http://127.0.0.1:${collector.port}`;
      const denied = await fetch(`${url}/report`);
      expect(denied.status).toBe(401);
      expect(denied.headers.get("www-authenticate")).toBe('Basic realm="npskit"');
      expect((await fetch(`${url}/report`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
    } finally {
      await collector.stop();
    }
  }, 60_000);

  it("refuses to serve beyond loopback without NPSKIT_READ_TOKEN, before binding or touching data", async () => {
    await expect(
      startCollector({ port: 0, host: "0.0.0.0", dataDir: join(dir, "open"), origins: "*" }),
    ).rejects.toThrow("HOST=0.0.0.0 is reachable from other machines: set NPSKIT_READ_TOKEN so that reads need it");
    expect(existsSync(join(dir, "open"))).toBe(false);
  });

  it("moving answers: export.csv from one collector, `import FILE.csv` into a new data directory, the same summary there", async () => {
    const answers = [
      makeResponse(9, { comment: 'Fast, "simple"\r\nand cheap', attributes: { plan: "pro", ltv: 1200 } }),
      makeResponse(3, { comment: "=SUM(A1) is what I typed", attributes: { plan: "free", ltv: 0 } }),
      makeResponse(7, { userId: null }),
    ];
    const from = await startCollector({ port: 0, host: "127.0.0.1", dataDir: join(dir, "from"), origins: "*" });
    let csv: string;
    let summary: unknown;
    try {
      const url = `http://127.0.0.1:${from.port}`;
      for (const answer of answers)
        expect((await fetch(`${url}/collect`, { method: "POST", body: JSON.stringify(answer) })).status).toBe(200);
      csv = await (await fetch(`${url}/api/export.csv`)).text();
      summary = await (await fetch(`${url}/api/summary`)).json();
    } finally {
      await from.stop();
    }
    const file = write("answers.csv", csv);
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      await runImport(file, { NPSKIT_DATA_DIR: join(dir, "to") });
      expect(log.mock.calls.join("\n")).toContain("created 3 · updated 0 · ignored 0 · rejected 0");
    } finally {
      log.mockRestore();
    }
    expect(process.exitCode ?? 0).toBe(0);
    const to = await startCollector({ port: 0, host: "127.0.0.1", dataDir: join(dir, "to"), origins: "*" });
    try {
      const url = `http://127.0.0.1:${to.port}`;
      // The same figures and answers; only `sdk` names the CSV as their source (collector README, "Import").
      const imported = JSON.stringify(summary).replaceAll(
        '"sdk":{"name":"npskit","version":"0.1.0"}',
        '"sdk":{"name":"csv-import","version":"1"}',
      );
      expect(await (await fetch(`${url}/api/summary`)).json()).toEqual(JSON.parse(imported));
      expect(await (await fetch(`${url}/api/export.csv`)).text()).toBe(csv);
    } finally {
      await to.stop();
    }
  }, 60_000);
});

describe("the built import command", () => {
  // As shipped (dist/main.js), where the file is read in a worker thread (import-worker.js); the
  // tests above run the TypeScript source, which reads it on the main thread.
  const collector = fileURLToPath(new URL("..", import.meta.url));
  const { dir, file: write } = useScratchDir("import-command");
  beforeAll(() => void execFileSync("npx", ["tsc", "-p", collector], { stdio: "pipe" }), 120_000);
  const importCommand = (file: string, dataDir: string) =>
    spawnSync(process.execPath, [join(collector, "dist/main.js"), "import", file], {
      encoding: "utf8",
      env: { ...process.env, NPSKIT_DATA_DIR: dataDir, DATABASE_URL: "" },
    });

  it("loads a file through its reader thread, twice without change, and says why a line or a file is refused", async () => {
    const answers = [makeResponse(9, { userId: "user-1" }), makeResponse(2, { comment: "Too slow" }), makeResponse(7)];
    const [first, ...rest] = answers.map((answer) => JSON.stringify(answer));
    const hashed = JSON.stringify({ ...answers[0], userHash: "ab".repeat(32) });
    const file = write("answers.ndjson", [hashed, "{not json", ...rest, ""].join("\n"));
    const dataDir = join(dir, "data");
    const loaded = importCommand(file, dataDir);
    expect(loaded.stdout).toContain("import done: 4 lines · created 3 · updated 0 · ignored 0 · rejected 1");
    expect(loaded.stdout).toContain("line 2: body must be JSON (one response object)");
    expect(loaded.stderr).toContain(
      "[npskit] import: 4 lines stored; building the counts, latest answers and indexes…",
    );
    expect(loaded.status).toBe(1);
    write("answers.ndjson", [first, ...rest].join("\n"));
    const again = importCommand(file, dataDir);
    expect(again.stdout).toContain("import done: 3 lines · created 0 · updated 0 · ignored 3 · rejected 0");
    expect(again.status).toBe(0);
    const db = await openPglite(dataDir);
    try {
      expect(await listResponses(db)).toEqual(answers);
    } finally {
      await db.close();
    }
    const missing = importCommand(join(dir, "missing.ndjson"), dataDir);
    expect(missing.stderr).toMatch(/import failed: .*ENOENT/);
    expect(missing.status).toBe(1);
  }, 60_000);

  it("its reader thread hands over batch after batch in file order, and its failure fails the import", async () => {
    const built: typeof import("./import.js") = await import(pathToFileURL(join(collector, "dist/import.js")).href);
    const answers = Array.from({ length: 30 }, (_, i) => makeResponse(i % 11));
    const lines = answers.map((answer) => JSON.stringify(answer));
    lines.splice(12, 0, "{not json");
    const file = write("thirty.ndjson", lines.join("\n"));
    const db = await openPglite();
    try {
      await migrate(db);
      const seen: number[] = [];
      const counts = await built.importFile(db, file, {
        inWorker: true,
        batchSize: 1,
        onProgress: ({ lines }) => seen.push(lines),
      });
      expect(counts).toMatchObject({ lines: 31, created: 30, updated: 0, ignored: 0 });
      expect(counts.rejected.map((r) => r.line)).toEqual([13]);
      // A batch per answer (more than the reader may be ahead), then the last, empty one.
      expect(seen).toEqual([...Array.from({ length: 31 }, (_, i) => i + 1).filter((line) => line !== 13), 31]);
      expect(await listResponses(db)).toEqual(answers);
      const header = write("not-an-export.csv", "a,b,c\n1,2,3\n");
      await expect(built.importFile(db, header, { inWorker: true })).rejects.toThrow(/line 1 is not the header/);
    } finally {
      await db.close();
    }
  }, 60_000);
});
