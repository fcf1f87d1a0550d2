import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openPglite } from "./db.js";
import { useScratchDir } from "./scratch.fixture.js";

describe("openPglite", () => {
  const { dir } = useScratchDir("pglite");
  const walLevelOf = async (bulkLoading: boolean) => {
    const db = await openPglite(join(dir, bulkLoading ? "bulk" : "serving"), { bulkLoading });
    try {
      return (await db.query<{ wal_level: string }>("SHOW wal_level")).rows[0]?.wal_level;
    } finally {
      await db.close();
    }
  };

  it("opens a data directory for a bulk load with the least write-ahead log, otherwise with what a server needs", async () => {
    expect(await walLevelOf(false)).toBe("replica");
    expect(await walLevelOf(true)).toBe("minimal");
  }, 60_000);
});
