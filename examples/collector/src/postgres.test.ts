// The same storage behaviour on a real PostgreSQL server, started locally from the installed
// `postgresql` package. `npm test` installs it when missing (scripts/ensure-postgres.mjs) and sets
// NPSKIT_REQUIRE_POSTGRES, so there a server that cannot start fails the run; elsewhere it is skipped.
import { afterAll, describe, expect, it } from "vitest";
import { openPostgres } from "./db.js";
import { describeAggregates } from "./aggregates.suite.fixture.js";
import { describeCsvImport } from "./csv-import.suite.fixture.js";
import { describeHardening } from "./hardening.suite.fixture.js";
import { startLocalPostgres, type LocalPostgres } from "./local-postgres.js";
import { describeStore } from "./store.suite.fixture.js";

const server: LocalPostgres | Error = await startLocalPostgres().catch((e: unknown) =>
  e instanceof Error ? e : new Error(String(e)),
);

if (server instanceof Error && process.env.NPSKIT_REQUIRE_POSTGRES) {
  throw new Error(`PostgreSQL is required (NPSKIT_REQUIRE_POSTGRES) but cannot start: ${server.message}`);
} else if (server instanceof Error) {
  describe.skip(`PostgreSQL server: skipped, cannot start one locally (${server.message})`, () => {
    it("needs the postgresql package", () => {});
  });
} else {
  afterAll(() => server.stop());
  describeStore("a PostgreSQL server (DATABASE_URL)", () => openPostgres(server.url));
  describeHardening("a PostgreSQL server (DATABASE_URL)", () => openPostgres(server.url));
  describeAggregates("a PostgreSQL server (DATABASE_URL)", () => openPostgres(server.url));
  describeCsvImport("a PostgreSQL server (DATABASE_URL)", () => openPostgres(server.url));
}

describe("openPostgres", () => {
  it("fails at start-up, with the driver's reason, when the server is unreachable", async () => {
    await expect(openPostgres("postgres://npskit@127.0.0.1:9/none")).rejects.toThrow(/ECONNREFUSED/);
  });
});
