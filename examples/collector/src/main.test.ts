import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { settingsFromEnv, startCollector } from "./main.js";

describe("settingsFromEnv", () => {
  it("defaults to 127.0.0.1:8787, PGlite in .data/collector, any origin, no key", () => {
    expect(settingsFromEnv({})).toEqual({
      port: 8787,
      host: "127.0.0.1",
      databaseUrl: undefined,
      dataDir: ".data/collector",
      origins: "*",
      apiKey: undefined,
    });
  });

  it("reads every variable and rejects a bad port by name", () => {
    const env = { PORT: "0", HOST: "::1", DATABASE_URL: "postgres://db/npskit", NPSKIT_DATA_DIR: "/var/npskit", NPSKIT_ORIGINS: "https://a.example, https://b.example", NPSKIT_API_KEY: "k" };
    expect(settingsFromEnv(env)).toEqual({
      port: 0,
      host: "::1",
      databaseUrl: "postgres://db/npskit",
      dataDir: "/var/npskit",
      origins: ["https://a.example", "https://b.example"],
      apiKey: "k",
    });
    expect(() => settingsFromEnv({ PORT: "http" })).toThrow('PORT must be an integer from 0 to 65535, got "http"');
  });
});

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
});
