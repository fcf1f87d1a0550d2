import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { makeResponse } from "@npskit/test-support/responses";
import { runImport, startCollector } from "./main.js";

describe("startCollector", () => {
  const dir = mkdtempSync(join(tmpdir(), "npskit-collector-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

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
    const file = join(dir, "answers.csv");
    writeFileSync(file, csv);
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
