import { makeResponse } from "@npskit/test-support/responses";
import { describe, expect, it } from "vitest";
import { type ImportBatch, importBatches } from "./import-batches.js";
import { useScratchDir } from "./scratch.fixture.js";

const scratch = useScratchDir("import-batches");

async function batchesOf(responses: readonly object[], batchSize: number, limits = {}) {
  const path = scratch.file(`batches-${Math.random()}.ndjson`, responses.map((r) => JSON.stringify(r)).join("\n"));
  const batches: ImportBatch[] = [];
  for await (const batch of importBatches(path, batchSize, limits)) batches.push(batch);
  return batches;
}

describe("importBatches", () => {
  const a = makeResponse(9, { id: "answer-a", attributes: { plan: "pro", ltv: 10 } });
  const b = makeResponse(3, { id: "answer-b", attributes: { plan: "free" } });
  const c = makeResponse(7, { id: "answer-c", surveyId: "other", attributes: { plan: "team", seats: 4 } });
  const laterA = { ...a, comment: "Later", updatedAt: "2026-11-24T11:00:00.000Z", attributes: { ltv: 10, mrr: 2 } };

  it("names the ids an earlier batch also had, and every id once it no longer remembers them", async () => {
    const file = [a, b, c, laterA, makeResponse(5, { id: "answer-d" })];
    expect((await batchesOf(file, 2)).map(({ ids, repeated }) => [ids, repeated])).toEqual([
      [["answer-a", "answer-b"], []],
      [["answer-c", "answer-a"], ["answer-a"]],
      [["answer-d"], []],
    ]);
    // Past two remembered ids, any id of a batch may have been seen.
    expect((await batchesOf(file, 2, { rememberedIds: 2 })).map(({ repeated }) => repeated)).toEqual([
      [],
      ["answer-a"],
      ["answer-d"],
    ]);
  });

  it("lists each survey's attribute keys once, in the batch that first has them, and none past its limit", async () => {
    const file = [a, b, c, laterA];
    expect((await batchesOf(file, 2)).map(({ attributeKeys }) => attributeKeys)).toEqual([
      [
        [a.surveyId, "plan"],
        [a.surveyId, "ltv"],
      ],
      [
        ["other", "plan"],
        ["other", "seats"],
        [a.surveyId, "mrr"],
      ],
      [],
    ]);
    expect((await batchesOf(file, 2, { listedKeys: 3 })).map(({ attributeKeys }) => attributeKeys)).toEqual([
      [
        [a.surveyId, "plan"],
        [a.surveyId, "ltv"],
      ],
      null,
      null,
    ]);
  });

  it("starts a new batch before one would hold more characters of JSON than its limit", async () => {
    const file = ["answer-1", "answer-2", "answer-3"].map((id) => makeResponse(8, { id }));
    const limit = Math.round(JSON.stringify(file[0]).length * 2.5);
    expect((await batchesOf(file, 10, { batchChars: limit })).map(({ ids }) => ids)).toEqual([
      ["answer-1", "answer-2"],
      ["answer-3"],
    ]);
  });
});
