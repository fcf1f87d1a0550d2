// The storage behaviour every database must show, run against PGlite and a PostgreSQL server.
import { describe, expect, it } from "vitest";
import type { Db } from "./db.js";
import { useMigratedDb } from "./db.fixture.js";
import { MIGRATIONS, migrate } from "./migrations.js";
import { listResponses, listSurveys, saveResponse } from "./store.js";
import { makeResponse } from "../../../packages/core/src/response.test-data.js";

export function describeStore(name: string, open: () => Promise<Db>): void {
  describe(`storage on ${name}`, () => {
    const db = useMigratedDb(open);

    it("migrates once", async () => {
      expect(await migrate(db)).toEqual([]);
      const { rows } = await db.query<{ version: number }>("SELECT version FROM npskit_migrations");
      expect(rows.map((r) => r.version).sort()).toEqual(MIGRATIONS.map((m) => m.version));
    });

    it("upserts by id: newer updatedAt wins, duplicates and older states are ignored", async () => {
      const scored = makeResponse(3, { complete: false, updatedAt: "2026-11-24T10:00:00.000Z" });
      const commented = { ...scored, complete: true, comment: "Too slow", updatedAt: "2026-11-24T10:00:09.000Z" };
      expect(await saveResponse(db, scored)).toBe("created");
      expect(await saveResponse(db, scored)).toBe("ignored");
      expect(await saveResponse(db, commented)).toBe("updated");
      expect(await saveResponse(db, scored)).toBe("ignored");
      expect(await listResponses(db)).toEqual([commented]);
    });

    it("filters by survey and by answer time (from inclusive, to exclusive)", async () => {
      const a = makeResponse(9, { createdAt: "2026-10-01T00:00:00.000Z" });
      const b = makeResponse(9, { createdAt: "2026-11-01T00:00:00.000Z" });
      const c = makeResponse(9, { surveyId: "enps-h2", kind: "enps", createdAt: "2026-11-15T00:00:00.000Z" });
      for (const r of [c, b, a]) await saveResponse(db, r);
      expect((await listResponses(db)).map((r) => r.id)).toEqual([a.id, b.id, c.id]);
      expect((await listResponses(db, { surveyId: "nps-q4" })).map((r) => r.id)).toEqual([a.id, b.id]);
      const november = { from: new Date("2026-11-01T00:00:00Z"), to: new Date("2026-11-15T00:00:00Z") };
      expect((await listResponses(db, november)).map((r) => r.id)).toEqual([b.id]);
      expect(await listSurveys(db)).toEqual([
        { surveyId: "enps-h2", kind: "enps", responses: 1 },
        { surveyId: "nps-q4", kind: "nps", responses: 2 },
      ]);
    });

    it("keeps text exactly, including quotes, emoji and non-Latin scripts", async () => {
      const r = makeResponse(10, { comment: `"Très bien" — 很好 👍 O'Brien \\ done`, attributes: { plan: "pro", ltv: 1200.5, beta: true, team: null } });
      await saveResponse(db, r);
      expect(await listResponses(db)).toEqual([r]);
    });
  });
}
