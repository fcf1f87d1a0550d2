import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startCollector } from "./main.js";

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
});
