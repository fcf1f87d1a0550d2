import { makeResponse } from "@npskit/test-support/responses";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type Db, openPglite } from "./db.js";
import { migrate } from "./migrations.js";
import { refreshStatistics, statisticsKeeper } from "./statistics.js";
import { saveResponses } from "./store.js";

describe("the embedded database's statistics", () => {
  let db: Db;
  beforeEach(async () => {
    db = await openPglite();
    await migrate(db);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await db.close();
  });

  const answers = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => makeResponse((from + i) % 11, { id: `stat-${from + i}` }));
  const analyzed = async () =>
    (
      await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_statistic WHERE starelid = 'responses'::regclass",
      )
    ).rows[0]?.n ?? 0;
  /** `db`, counting the staleness checks. */
  const counting = (checks: () => void): Db => ({
    ...db,
    query: (sql, params) => {
      if (sql.includes("pg_relation_size")) checks();
      return db.query(sql, params);
    },
  });

  it("are gathered for a table without them, again once it has grown by a tenth, and not before", async () => {
    await saveResponses(db, answers(0, 400));
    expect(await analyzed()).toBe(0);
    expect(await refreshStatistics(db)).toContain("responses");
    expect(await analyzed()).toBeGreaterThan(0);
    expect(await refreshStatistics(db)).toEqual([]);
    await saveResponses(db, answers(400, 10));
    expect(await refreshStatistics(db)).toEqual([]);
    await saveResponses(db, answers(410, 400));
    expect(await refreshStatistics(db)).toContain("responses");
  });

  it("a table whose rows are all gone is not gathered again and again", async () => {
    await saveResponses(db, answers(0, 400));
    await db.query("DELETE FROM responses");
    await refreshStatistics(db);
    expect(await refreshStatistics(db)).toEqual([]);
  });

  it("are checked after writes at most once a period, then at its end, and never after stop()", async () => {
    const checks = vi.fn();
    const keeper = statisticsKeeper(counting(checks), 500);
    await saveResponses(db, answers(0, 400));
    keeper.wrote();
    keeper.wrote();
    keeper.wrote();
    await vi.waitFor(() => expect(checks).toHaveBeenCalledTimes(1));
    // The writes within the period: one check at its end.
    await vi.waitFor(() => expect(checks).toHaveBeenCalledTimes(2), { timeout: 5000 });
    await keeper.stop();
    keeper.wrote();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(checks).toHaveBeenCalledTimes(2);
    expect(await analyzed()).toBeGreaterThan(0);
  });

  it("a failing check is logged, never thrown", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const keeper = statisticsKeeper({ ...db, query: () => Promise.reject(new Error("the database is gone")) }, 0);
    keeper.wrote();
    await keeper.stop();
    expect(error).toHaveBeenCalledWith("[npskit] statistics: the database is gone");
  });
});
