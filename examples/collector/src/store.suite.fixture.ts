// The storage behaviour every database must show, run against PGlite and a PostgreSQL server.
import { describe, expect, it } from "vitest";
import type { Db } from "./db.js";
import { useMigratedDb } from "./db.fixture.js";
import { MIGRATIONS, migrate } from "./migrations.js";
import { listResponses, listSurveys, saveResponse, saveResponses } from "./store.js";
import { makeResponse } from "@npskit/test-support/responses";

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

    it("stores a display through its states: shown, then answered, then completed", async () => {
      const shown = makeResponse(9, {
        score: null,
        category: null,
        status: "shown",
        complete: false,
        updatedAt: "2026-11-24T10:00:00.000Z",
      });
      const answered = {
        ...shown,
        score: 9,
        category: "promoter" as const,
        status: "answered" as const,
        updatedAt: "2026-11-24T10:00:03.000Z",
      };
      const completed = {
        ...answered,
        status: "completed" as const,
        complete: true,
        updatedAt: "2026-11-24T10:00:09.000Z",
      };
      expect(await saveResponse(db, shown)).toBe("created");
      expect(await listResponses(db)).toEqual([shown]);
      expect(await saveResponse(db, completed)).toBe("updated");
      expect(await saveResponse(db, answered)).toBe("ignored");
      expect(await listResponses(db)).toEqual([completed]);
    });

    describe("order of states that no clock can break", () => {
      const received = "2026-11-24T10:00:00.000Z";
      const at = (offsetMs: number) => new Date(Date.parse(received) + offsetMs);
      const stamp = (offsetMs: number) => at(offsetMs).toISOString();
      const MINUTE = 60_000;
      const DAY = 86_400_000;

      it("a state stamped far in the future does not pin the answer: a later genuine state still wins", async () => {
        const forged = makeResponse(0, { complete: false, createdAt: received, updatedAt: "2099-12-31T23:59:59.000Z" });
        const rescored = { ...forged, score: 8, category: "passive" as const, updatedAt: stamp(MINUTE) };
        expect(await saveResponse(db, forged, at(0))).toBe("created");
        expect(await saveResponse(db, rescored, at(MINUTE))).toBe("updated");
        expect(await listResponses(db)).toEqual([rescored]);

        const forgedComplete = makeResponse(0, {
          comment: "forged",
          createdAt: received,
          updatedAt: "2099-12-31T23:59:59.000Z",
        });
        const genuine = {
          ...forgedComplete,
          score: 10,
          category: "promoter" as const,
          comment: "Great",
          updatedAt: stamp(2 * MINUTE),
        };
        expect(await saveResponse(db, forgedComplete, at(MINUTE))).toBe("created");
        expect(await saveResponse(db, genuine, at(2 * MINUTE))).toBe("updated");
        expect((await listResponses(db)).map((r) => r.comment)).toEqual([undefined, "Great"]);
      });

      it("a device a day ahead: its complete state wins over its partial one, in order or when the partial arrives last", async () => {
        const partial = makeResponse(3, { complete: false, createdAt: stamp(DAY), updatedAt: stamp(DAY) });
        const complete = { ...partial, complete: true, comment: "Too slow", updatedAt: stamp(DAY + 10_000) };
        expect(await saveResponse(db, partial, at(0))).toBe("created");
        expect(await saveResponse(db, complete, at(10_000))).toBe("updated");
        expect(await listResponses(db)).toEqual([complete]);

        const late = makeResponse(3, { complete: false, createdAt: stamp(DAY), updatedAt: stamp(DAY) });
        const first = { ...late, complete: true, comment: "Too slow", updatedAt: stamp(DAY + 10_000) };
        expect(await saveResponse(db, first, at(10_000))).toBe("created");
        expect(await saveResponse(db, late, at(MINUTE))).toBe("ignored"); // the partial state, retried
        expect((await listResponses(db)).filter((r) => r.id === late.id)).toEqual([first]);
      });

      it("the same rule orders batched saves (import): received time bounds each state, completeness first", async () => {
        const forged = makeResponse(0, { complete: false, createdAt: received, updatedAt: "2099-12-31T23:59:59.000Z" });
        const partial = makeResponse(3, { complete: false, createdAt: stamp(DAY), updatedAt: stamp(DAY) });
        const complete = { ...partial, complete: true, comment: "Too slow", updatedAt: stamp(DAY + 10_000) };
        expect(await saveResponses(db, [forged, complete], at(0))).toEqual(["created", "created"]);
        const rescored = { ...forged, score: 8, category: "passive" as const, updatedAt: stamp(MINUTE) };
        expect(await saveResponses(db, [partial, rescored], at(MINUTE))).toEqual(["ignored", "updated"]);
        expect(await listResponses(db)).toEqual([rescored, complete]);
      });
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
      const r = makeResponse(10, {
        comment: `"Très bien" — 很好 👍 O'Brien \\ done`,
        attributes: { plan: "pro", ltv: 1200.5, beta: true, team: null },
      });
      await saveResponse(db, r);
      expect(await listResponses(db)).toEqual([r]);
    });
  });
}
