// Test setup shared by the collector's database tests.
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { Db } from "./db.js";
import { migrate, STORE_TABLES } from "./migrations.js";

/**
 * The database of the enclosing tests: opened and migrated before them, emptied of responses
 * (and what is kept from them) before each test, closed after them. The returned Db forwards to it once it is open.
 */
export function useMigratedDb(open: () => Promise<Db>): Db {
  let db: Db | undefined;
  const current = (): Db => {
    if (!db) throw new Error("the test database is not open yet: use it inside a test or hook");
    return db;
  };
  beforeAll(async () => {
    db = await open();
    await migrate(db);
  }, 120_000);
  afterAll(() => db?.close());
  beforeEach(async () => {
    for (const table of STORE_TABLES) await current().query(`DELETE FROM ${table}`);
  });
  return {
    query: <Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]) =>
      current().query<Row>(sql, params),
    transaction: (work) => current().transaction(work),
    close: () => current().close(),
  };
}
