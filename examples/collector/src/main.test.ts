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
      const second = startCollector({ port: collector.port, host: "127.0.0.1", dataDir: join(dir, "two"), origins: "*" });
      await expect(second).rejects.toThrow(/EADDRINUSE/);
      expect(existsSync(join(dir, "two"))).toBe(false);
    } finally {
      await collector.stop();
    }
    expect(existsSync(join(dir, "one", "PG_VERSION"))).toBe(true);
  }, 60_000);

  it("refuses to serve beyond loopback without NPSKIT_READ_TOKEN, before binding or touching data", async () => {
    await expect(startCollector({ port: 0, host: "0.0.0.0", dataDir: join(dir, "open"), origins: "*" })).rejects.toThrow(
      "HOST=0.0.0.0 is reachable from other machines: set NPSKIT_READ_TOKEN so that reads need it",
    );
    expect(existsSync(join(dir, "open"))).toBe(false);
  });
});
