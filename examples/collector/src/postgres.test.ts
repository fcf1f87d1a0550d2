// The same storage behaviour on a real PostgreSQL server, started locally from the installed
// `postgresql` package. `npm test` installs it when missing (scripts/ensure-postgres.mjs) and sets
// NPSKIT_REQUIRE_POSTGRES, so there a server that cannot start fails the run; elsewhere it is skipped.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeResponse } from "@npskit/test-support/responses";
import { bulkLoad } from "./bulk-load.js";
import { openPostgres } from "./db.js";
import { describeAggregates } from "./aggregates.suite.fixture.js";
import { describeCsvImport } from "./csv-import.suite.fixture.js";
import { describeHardening } from "./hardening.suite.fixture.js";
import { describeJsonbArray } from "./jsonb-array.suite.fixture.js";
import { startLocalPostgres, type LocalPostgres } from "./local-postgres.js";
import { migrate } from "./migrations.js";
import { describeStore } from "./store.suite.fixture.js";
import { importFile } from "./import.js";
import { listResponses } from "./store.js";

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
  describeJsonbArray("a PostgreSQL server (DATABASE_URL)", () => openPostgres(server.url));

  it("a database user who may write answers but not change the tables imports batch by batch, not as a bulk load", async () => {
    const dir = mkdtempSync(join(tmpdir(), "npskit-writer-"));
    const owner = await openPostgres(server.url);
    await migrate(owner);
    await owner.query("DELETE FROM responses");
    await owner.query("DROP ROLE IF EXISTS npskit_writer");
    await owner.query("CREATE ROLE npskit_writer LOGIN");
    await owner.query("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO npskit_writer");
    const writer = await openPostgres(server.url.replace("npskit@", "npskit_writer@"));
    try {
      const indexes = async () =>
        (await owner.query("SELECT indexname FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1")).rows;
      const before = await indexes();
      let loaded = false;
      expect(await bulkLoad(writer, async () => void (loaded = true))).toBe(false);
      expect(loaded).toBe(false);
      const answers = [makeResponse(9), makeResponse(3)];
      const file = join(dir, "answers.ndjson");
      writeFileSync(file, answers.map((answer) => JSON.stringify(answer)).join("\n"));
      expect(await importFile(writer, file)).toMatchObject({ created: 2, updated: 0, ignored: 0, rejected: [] });
      expect(await listResponses(owner)).toEqual(answers);
      expect(await indexes()).toEqual(before);
      const kept = await owner.query("SELECT count(*)::int AS n FROM latest_answers");
      expect(kept.rows).toEqual([{ n: 4 }]);
    } finally {
      await owner.query("DELETE FROM responses");
      await writer.close();
      await owner.query("DROP OWNED BY npskit_writer");
      await owner.query("DROP ROLE npskit_writer");
      await owner.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

describe("openPostgres", () => {
  it("fails at start-up, with the driver's reason, when the server is unreachable", async () => {
    await expect(openPostgres("postgres://npskit@127.0.0.1:9/none")).rejects.toThrow(/ECONNREFUSED/);
  });
});
