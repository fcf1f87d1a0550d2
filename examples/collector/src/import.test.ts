import { describe, expect, it } from "vitest";
import { type Db, openPglite } from "./db.js";
import { useScratchDir } from "./scratch.fixture.js";
import { useMigratedDb } from "./db.fixture.js";
import { ndjsonChunks } from "./export.js";
import { importFile, importSummary } from "./import.js";
import { listResponses, saveResponses } from "./store.js";
import { makeResponse } from "@npskit/test-support/responses";

const db = useMigratedDb(() => openPglite());
const scratch = useScratchDir("import");
const file = (name: string, lines: readonly string[]) => scratch.file(name, lines.join("\n"));

describe("importFile", () => {
  const scored = makeResponse(3, { complete: false, updatedAt: "2026-11-24T10:00:00.000Z" });
  const commented = {
    ...scored,
    score: 9,
    category: "promoter" as const,
    complete: true,
    comment: "Better now",
    updatedAt: "2026-11-24T10:00:09.000Z",
  };
  const other = makeResponse(10, { kind: "enps", surveyId: "enps-h2" });

  const earlier = makeResponse(6, { surveyId: "earlier", createdAt: "2026-01-05T10:00:00.000Z" });
  it.each([
    ["into an empty store, as one bulk load", []],
    ["into a store with answers, batch by batch", [earlier]],
  ])(
    "stores good lines in file order, reports bad ones by line number, and a re-run changes nothing: %s",
    async (_, stored) => {
      await saveResponses(db, stored);
      const path = file("mixed.ndjson", [
        `\uFEFF${JSON.stringify(scored)}`,
        "",
        "{not json",
        JSON.stringify(commented),
        JSON.stringify({ ...other, score: 11 }),
        JSON.stringify(scored),
        JSON.stringify(other),
      ]);
      const progress: string[] = [];
      const counts = await importFile(db, path, {
        batchSize: 2,
        onProgress: (c) => progress.push(`stored to line ${c.lines}`),
        onBuilding: (c) => progress.push(`building after line ${c.lines}`),
      });
      expect(counts).toMatchObject({ lines: 7, created: 2, updated: 1, ignored: 1 });
      expect(counts.rejected.map((r) => [r.line, r.problems[0]?.path])).toEqual([
        [3, ""],
        [5, "score"],
      ]);
      expect(progress.length).toBeGreaterThan(2);
      expect(progress.filter((step) => step.startsWith("building"))).toEqual(["building after line 7"]);
      expect(progress.at(-1)).toBe("building after line 7");
      expect(await listResponses(db)).toEqual([...stored, commented, other]);
      expect(importSummary(counts)).toBe(
        [
          "[npskit] import done: 7 lines · created 2 · updated 1 · ignored 1 · rejected 2",
          "  line 3: body must be JSON (one response object)",
          `  line 5: ${counts.rejected[1]?.problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`,
        ].join("\n"),
      );
      // What the report reads agrees with the answers, whichever way they were stored.
      const kept = await db.query("SELECT survey_id, id FROM latest_answers ORDER BY 1, 2");
      expect(kept.rows).toEqual(
        [...stored, commented, other]
          .filter((r) => r.kind === "nps" || r.kind === "enps")
          .flatMap((r) => [
            { survey_id: "", id: r.id },
            { survey_id: r.surveyId, id: r.id },
          ])
          .sort((a, b) => (`${a.survey_id} ${a.id}` < `${b.survey_id} ${b.id}` ? -1 : 1)),
      );
      const again = await importFile(db, path);
      expect(again).toMatchObject({ created: 0, updated: 0, ignored: 4 });
      expect(await listResponses(db)).toEqual([...stored, commented, other]);
    },
  );

  it("into an empty store, inserts a batch of new ids plainly and upserts one that holds a stored id", async () => {
    const later = { ...commented, id: scored.id };
    const path = file(
      "fresh-then-update.ndjson",
      [scored, other, later, earlier].map((r) => JSON.stringify(r)),
    );
    const writes: string[] = [];
    const recording: Db = {
      ...db,
      transaction: (work) =>
        db.transaction((tx) =>
          work({
            query: (sql, params) => {
              if (sql.includes("INSERT INTO responses")) writes.push(sql.includes("ON CONFLICT") ? "upsert" : "insert");
              if (sql.includes("FROM responses WHERE id = ANY")) writes.push("check");
              return tx.query(sql, params);
            },
          }),
        ),
    };
    expect(await importFile(recording, path, { batchSize: 2 })).toMatchObject({ created: 3, updated: 1 });
    // Only the batch with an id of an earlier one is checked against the stored ids.
    expect(writes).toEqual(["insert", "check", "upsert"]);
    expect(await listResponses(db)).toEqual([earlier, later, other]);
  });

  it.each([
    ["into an empty store (listed by the import's reader)", []],
    ["into a store with answers (listed by the triggers)", [earlier]],
  ])("lists the attribute keys of every state read, a replaced one's too: %s", async (_, stored) => {
    await saveResponses(db, stored);
    const first = { ...scored, attributes: { plan: "pro", region: "eu" } };
    const replacing = { ...commented, attributes: { plan: "pro", ltv: 120 } };
    const elsewhere = { ...other, attributes: { seats: 4 } };
    await importFile(
      db,
      file(
        "keys.ndjson",
        [first, elsewhere, replacing].map((r) => JSON.stringify(r)),
      ),
      { batchSize: 2 },
    );
    const { rows } = await db.query("SELECT survey_id, key FROM response_attribute_keys ORDER BY 1, 2");
    expect(rows.map(({ survey_id, key }) => `${survey_id} ${key}`)).toEqual([
      `${other.surveyId} seats`,
      `${scored.surveyId} ltv`,
      `${scored.surveyId} plan`,
      `${scored.surveyId} region`,
    ]);
  });

  it("never stores an identity hash, as /collect does not", async () => {
    const hashed = makeResponse(9, { userId: "user-1" });
    await importFile(db, file("hashed.ndjson", [JSON.stringify({ ...hashed, userHash: "ab".repeat(32) })]));
    expect(await listResponses(db)).toEqual([hashed]);
  });

  it("reads back its own NDJSON export into an empty store", async () => {
    const rows = [
      makeResponse(1, { comment: 'line\nbreak "quoted" 很好' }),
      makeResponse(8, { attributes: { plan: "pro", ltv: 12.5 } }),
    ];
    const path = file(
      "export.ndjson",
      rows.map((r) => JSON.stringify(r)),
    );
    await importFile(db, path);
    let exported = "";
    for await (const chunk of ndjsonChunks(db, {})) exported += chunk;
    await db.query("DELETE FROM responses");
    const roundTrip = file("round-trip.ndjson", [exported]);
    expect(await importFile(db, roundTrip)).toMatchObject({ created: 2, rejected: [] });
    expect(await listResponses(db)).toEqual(rows);
  });

  it("limits the report to the first rejected lines", () => {
    const rejected = Array.from({ length: 3 }, (_, i) => ({ line: i + 1, problems: [{ path: "", message: "bad" }] }));
    expect(importSummary({ lines: 3, created: 0, updated: 0, ignored: 0, rejected }, 2).split("\n").slice(-1)).toEqual([
      "  … and 1 more rejected lines",
    ]);
  });
});
