import { describe, expect, it } from "vitest";
import { exposureProblem, settingsFromEnv } from "./settings.js";

const TOKEN = "read-token-0123456789";

describe("settingsFromEnv", () => {
  it("defaults to 127.0.0.1:8787, PGlite in .data/collector, any origin, no keys, no limit", () => {
    expect(settingsFromEnv({})).toEqual({
      port: 8787,
      host: "127.0.0.1",
      databaseUrl: undefined,
      dataDir: ".data/collector",
      origins: "*",
      apiKey: undefined,
      readToken: undefined,
      allowedHosts: [],
      identitySecret: undefined,
      rateLimit: undefined,
      trustProxy: false,
    });
  });

  it("reads every variable and rejects a bad port by name", () => {
    const env = {
      PORT: "0",
      HOST: "::1",
      DATABASE_URL: "postgres://db/npskit",
      NPSKIT_DATA_DIR: "/var/npskit",
      NPSKIT_ORIGINS: "https://a.example, https://b.example",
      NPSKIT_API_KEY: "k",
      NPSKIT_READ_TOKEN: TOKEN,
      NPSKIT_ALLOWED_HOSTS: "nps.example.com, nps.example.com:8443",
      NPSKIT_IDENTITY_SECRET: "identity-secret-0123",
      NPSKIT_RATE_LIMIT: "60",
      NPSKIT_TRUST_PROXY: "1",
    };
    expect(settingsFromEnv(env)).toEqual({
      port: 0,
      host: "::1",
      databaseUrl: "postgres://db/npskit",
      dataDir: "/var/npskit",
      origins: ["https://a.example", "https://b.example"],
      apiKey: "k",
      readToken: TOKEN,
      allowedHosts: ["nps.example.com", "nps.example.com:8443"],
      identitySecret: "identity-secret-0123",
      rateLimit: 60,
      trustProxy: true,
    });
    expect(() => settingsFromEnv({ PORT: "http" })).toThrow('PORT must be an integer from 0 to 65535, got "http"');
  });

  it("refuses settings that would protect nothing, naming the variable", () => {
    expect(() => settingsFromEnv({ NPSKIT_READ_TOKEN: "short" })).toThrow(
      "NPSKIT_READ_TOKEN must be at least 16 characters",
    );
    expect(() => settingsFromEnv({ NPSKIT_IDENTITY_SECRET: "short" })).toThrow(
      "NPSKIT_IDENTITY_SECRET must be at least 16 characters",
    );
    expect(() => settingsFromEnv({ NPSKIT_READ_TOKEN: TOKEN, NPSKIT_API_KEY: TOKEN })).toThrow(
      "NPSKIT_READ_TOKEN must differ from NPSKIT_API_KEY",
    );
    expect(() => settingsFromEnv({ NPSKIT_RATE_LIMIT: "lots" })).toThrow(
      'NPSKIT_RATE_LIMIT must be a whole number of posts per minute per client (e.g. 60), got "lots"',
    );
    expect(() => settingsFromEnv({ NPSKIT_RATE_LIMIT: "0" })).toThrow("NPSKIT_RATE_LIMIT");
    expect(() => settingsFromEnv({ NPSKIT_TRUST_PROXY: "yes" })).toThrow(
      'NPSKIT_TRUST_PROXY must be 1 (behind one reverse proxy) or 0, got "yes"',
    );
  });
});

describe("exposureProblem", () => {
  it("needs NPSKIT_READ_TOKEN beyond loopback or behind a proxy, and nothing on loopback", () => {
    for (const host of ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
      expect(exposureProblem({ host }), host).toBeUndefined();
    for (const host of ["0.0.0.0", "::", "192.168.1.20", "nps.example.com"]) {
      expect(exposureProblem({ host }), host).toMatch(/NPSKIT_READ_TOKEN/);
      expect(exposureProblem({ host, readToken: TOKEN }), host).toBeUndefined();
    }
    expect(exposureProblem({ host: "127.0.0.1", trustProxy: true })).toMatch(/NPSKIT_READ_TOKEN/);
    expect(exposureProblem({ host: "0.0.0.0" })).not.toContain("\n");
  });
});
