// The database path of the report must give exactly what @npskit/insights gives on the same rows:
// random datasets (several answers per respondent, duplicates, out-of-order updates that change the
// category or the respondent, every kind, displays with and without a score or a status, attributes
// as numbers, numeric text and junk), written one by one, in batches and as an import writes them
// (deferred, or one bulk load into the empty store), and random queries, on every database.
import { makeResponse } from "@npskit/test-support/responses";
import { describe, expect, it } from "vitest";
import {
  categoryOf,
  KINDS,
  SCALES,
  STATUSES,
  type ResponseStatus,
  type SurveyKind,
  type SurveyResponse,
} from "@npskit/core";
import { latestCommented, respondents } from "./aggregates.js";
import { analyze, analyzeStored, segmentableAttributes, storedSegmentableAttributes } from "./analysis.js";
import { bulkLoad } from "./bulk-load.js";
import type { Db } from "./db.js";
import { useMigratedDb } from "./db.fixture.js";
import { csvChunks, ndjsonChunks, responsePages } from "./export.js";
import { MIGRATIONS, RANKED_VALUE_KEYS, refreshLatest, STORE_TABLES } from "./migrations.js";
import type { ReportQuery } from "./query.js";
import {
  encodeResponses,
  IN_SURVEY,
  listResponses,
  type ResponseFilter,
  saveEncodedResponses,
  saveResponse,
  saveResponses,
} from "./store.js";
import { sameText } from "./index-numbers.js";
import { commonAttributeKeys } from "./attribute-keys.js";
import { CSV_BOM, csvHeader, csvRow } from "./csv.js";
// Seeded, so a failing dataset can be replayed.
import { random } from "./sample.js";

const DAY = 86_400_000;
const START = Date.parse("2025-11-28T00:00:00Z");
const COMMENTS = [
  "Slow sync again",
  "slow sync, too expensive",
  "Great reports",
  "great reports and support",
  "Sehr gute Berichte",
  "  ",
  "\u00a0",
  "",
  "Trop cher",
];
const VALUES = [100, 250.5, "75", " 40 ", "1e2", "n/a", "", null, true, "0x10"];

export function generate(seed: number): SurveyResponse[] {
  const rand = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const states: SurveyResponse[] = [];
  const count = Math.floor(rand() * 60);
  for (let i = 0; i < count; i++) {
    const kind: SurveyKind = rand() < 0.7 ? pick(["nps", "enps"] as const) : pick(KINDS);
    const [min, max] = SCALES[kind];
    const score = min + Math.floor(rand() * (max - min + 1));
    // Whole seconds, with ties, over a year: weeks, months and quarters all have several buckets.
    const created = START + Math.floor(rand() * 400) * DAY + Math.floor(rand() * 3) * 3_600_000 * 7;
    const comment = rand() < 0.6 ? pick(COMMENTS) : undefined;
    const attributes: SurveyResponse["attributes"] = {};
    if (rand() < 0.8) attributes.plan = pick(["free", "pro", "team", "", null]);
    if (rand() < 0.7) attributes.ltv = pick(VALUES);
    if (rand() < 0.3) attributes.mrr = pick(VALUES);
    if (rand() < 0.2) attributes.arr = pick(VALUES);
    if (rand() < 0.2) attributes.revenue = pick(VALUES);
    // A number the store does not keep ranked (not a VALUE_ATTRIBUTES key): read in one pass.
    if (rand() < 0.4) attributes.seats = pick(VALUES);
    const userId = rand() < 0.7 ? `user-${Math.floor(rand() * 12)}` : pick([null, undefined, ""]);
    // A recorded display (with a status; not answered yet or dismissed: no score), or an answer from an SDK without impressions.
    const status: ResponseStatus | undefined = rand() < 0.5 ? pick(STATUSES) : undefined;
    const unanswered = status === "shown" || status === "dismissed";
    const first: SurveyResponse = {
      id: `resp-${seed}-${i}`,
      surveyId: pick(["nps-q4", "nps-q4", "pulse", "support"]),
      kind,
      score: unanswered ? null : score,
      category: unanswered ? null : categoryOf(kind, score),
      ...(status === undefined ? {} : { status }),
      ...(comment === undefined || unanswered ? {} : { comment }),
      complete: comment !== undefined && !unanswered,
      ...(userId === undefined ? {} : { userId }),
      anonymousId: `anon-${Math.floor(rand() * 15)}`,
      ...(rand() < 0.9 ? { attributes } : {}),
      ...(rand() < 0.8 ? { locale: pick(["en", "de-AT", "fr", "xx"]) } : {}),
      createdAt: new Date(created).toISOString(),
      updatedAt: new Date(created + Math.floor(rand() * 3) * 1000).toISOString(),
      sdk: { name: "npskit", version: "0.1.0" },
    };
    states.push(first);
    // Later states of the same answer: a changed score (often another category), a comment, other attributes, a user id.
    const updates = rand() < 0.4 ? 1 + Math.floor(rand() * 3) : 0;
    let previous = first;
    for (let u = 0; u < updates; u++) {
      const changed = min + Math.floor(rand() * (max - min + 1));
      const next: SurveyResponse = {
        ...previous,
        score: changed,
        category: categoryOf(kind, changed),
        ...(previous.status === undefined ? {} : { status: pick(["answered", "completed"] as const) }),
        comment: pick(COMMENTS),
        complete: true,
        attributes: { ...previous.attributes, plan: pick(["free", "pro", "team"]) },
        // Identified between the score and the comment: the answer moves to another respondent.
        ...(rand() < 0.15 ? { userId: `user-${Math.floor(rand() * 12)}` } : {}),
        updatedAt: new Date(Date.parse(previous.updatedAt) + Math.floor(rand() * 2) * 5000).toISOString(),
      };
      states.push(next);
      previous = next;
    }
    // Retries of an earlier state.
    if (rand() < 0.2) states.push(first);
  }
  // Out-of-order arrival.
  for (let i = states.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [states[i], states[j]] = [states[j] as SurveyResponse, states[i] as SurveyResponse];
  }
  return states;
}

export function queries(seed: number): ReportQuery[] {
  const rand = random(seed * 7919);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const moment = () => new Date(START + Math.floor(rand() * 420) * DAY + pick([0, 0, 5 * 3_600_000 + 17_000]));
  return Array.from({ length: 4 }, (_, i) => {
    const from = i > 0 && rand() < 0.5 ? moment() : undefined;
    const to = i > 0 && rand() < 0.5 ? moment() : undefined;
    return {
      filter: { surveyId: i > 0 && rand() < 0.5 ? pick(["nps-q4", "pulse", "none"]) : undefined, from, to },
      period: pick(["week", "month", "quarter"] as const),
      segment: rand() < 0.7 ? pick(["plan", "ltv", "missing"]) : undefined,
      value: rand() < 0.4 ? pick(["ltv", "mrr", "seats", "missing"]) : undefined,
    };
  });
}

/** The responses of `stored` a filter selects, in their order: what the reads' SQL must select. */
const matching = (stored: readonly SurveyResponse[], { surveyId, from, to }: ResponseFilter) =>
  stored.filter(
    (r) =>
      (surveyId === undefined || r.surveyId === surveyId) &&
      (from === undefined || Date.parse(r.createdAt) >= from.getTime()) &&
      (to === undefined || Date.parse(r.createdAt) < to.getTime()),
  );

/** Consecutive runs of states with distinct ids (a statement writes a row once), in order. */
function batches(states: readonly SurveyResponse[]): SurveyResponse[][] {
  const runs: SurveyResponse[][] = [[]];
  for (const state of states) {
    const run = runs[runs.length - 1] as SurveyResponse[];
    if (run.some((r) => r.id === state.id)) runs.push([state]);
    else run.push(state);
  }
  return runs;
}

/** The store tables' indexes and constraints, as SQL: what a bulk load takes down and puts back. */
const storeLayout = async (db: Db) => [
  ...(
    await db.query<{ definition: string }>(
      "SELECT pg_get_indexdef(indexrelid) AS definition FROM pg_index WHERE indrelid = ANY($1::regclass[]) ORDER BY 1",
      [STORE_TABLES],
    )
  ).rows.map((r) => r.definition),
  ...(
    await db.query<{ definition: string }>(
      `SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS definition FROM pg_constraint
       WHERE conrelid = ANY($1::regclass[]) ORDER BY 1`,
      [STORE_TABLES],
    )
  ).rows.map((r) => r.definition),
];

const text = async (chunks: AsyncGenerator<string>) => {
  let all = "";
  for await (const chunk of chunks) all += chunk;
  return all;
};

export function describeAggregates(name: string, open: () => Promise<Db>): void {
  describe(`report aggregates on ${name}`, () => {
    const db = useMigratedDb(open);

    it("equal @npskit/insights on the same rows, for random datasets and queries", async () => {
      for (let seed = 1; seed <= 30; seed++) {
        // One statement per state (what /collect does) or many on alternate seeds; every fourth seed
        // as import does: into the empty store as one bulk load (seeds 8, 16, …), or with the latest
        // answers deferred to one refresh at the end.
        if (seed % 2) for (const state of generate(seed)) await saveResponse(db, state);
        else if (seed % 4) for (const batch of batches(generate(seed))) await saveResponses(db, batch);
        else if (seed % 8 === 0) {
          const loaded = await bulkLoad(db, async (tx) => {
            for (const batch of batches(generate(seed)))
              await saveEncodedResponses(tx, encodeResponses(batch), new Date(), {
                bulkLoadIds: batch.map((r) => r.id),
              });
          });
          expect(loaded).toBe(true);
        } else {
          for (const batch of batches(generate(seed)))
            await saveResponses(db, batch, new Date(), { deferLatest: true });
          await refreshLatest(db);
        }
        const stored = await listResponses(db);
        for (const query of queries(seed)) {
          const rows = matching(stored, query.filter);
          const context = `seed ${seed}, query ${JSON.stringify(query)}`;
          expect(await analyzeStored(db, query), context).toEqual(analyze(rows, query));
          expect(await storedSegmentableAttributes(db, query.filter), context).toEqual(segmentableAttributes(rows));
        }
        await db.query("DELETE FROM responses");
      }
    }, 180_000);

    it("keep the same latest answers by trigger as the migration computes from the stored answers", async () => {
      const kept = async () => ({
        answers: (await db.query("SELECT * FROM latest_answers ORDER BY survey_id, respondent")).rows,
        values: (await db.query("SELECT * FROM latest_values ORDER BY survey_id, respondent, key")).rows,
        totals: (
          await db.query(
            "SELECT survey_id, key, category, total::float8, respondents FROM value_totals WHERE respondents > 0 ORDER BY 1, 2, 3",
          )
        ).rows,
      });
      // Later states, with attributes no SDK sends (the wire schema refuses them) but a database
      // may hold: not an object, or a value attribute that is not a number.
      const later = [
        ...generate(12),
        ...[["ltv", 5], "text", null, { ltv: { amount: 5 }, mrr: [5], arr: " 12 ", revenue: true }].map(
          (attributes, i) =>
            ({
              ...makeResponse(9 - i, { surveyId: "pulse", userId: `user-odd-${i}` }),
              attributes,
            }) as unknown as SurveyResponse,
        ),
      ];
      for (const batch of batches(generate(11))) await saveResponses(db, batch);
      for (const state of later) await saveResponse(db, state);
      const byTrigger = await kept();
      expect(byTrigger.values.length).toBeGreaterThan(0);
      // Only the value attributes are kept ranked (the answers also carry `seats`).
      expect(new Set(byTrigger.values.map((v) => v.key))).toEqual(new Set(RANKED_VALUE_KEYS));
      const recompute = MIGRATIONS.filter((m) => m.version >= 4).flatMap((m) => m.statements);
      for (const statement of recompute) await db.query(statement);
      expect(await kept()).toEqual(byTrigger);
      // Deferred, as an import writes, then refreshed: the same again.
      await db.query("DELETE FROM responses");
      for (const batch of batches(generate(11))) await saveResponses(db, batch, new Date(), { deferLatest: true });
      for (const state of later) await saveResponse(db, state);
      expect((await kept()).values).not.toEqual(byTrigger.values);
      expect(await refreshLatest(db)).toBeGreaterThan(0);
      expect(await kept()).toEqual(byTrigger);
      // As one bulk load into the empty store: the same again, and the counts as the triggers kept them.
      const counts = async () =>
        (await db.query("SELECT * FROM response_counts WHERE n > 0 ORDER BY survey_id, day, kind, score")).rows;
      const countedByTrigger = await counts();
      const layout = await storeLayout(db);
      expect(layout.filter((definition) => definition.includes("PRIMARY KEY"))).toHaveLength(STORE_TABLES.length);
      await db.query("DELETE FROM responses");
      const loadStarted = (await db.query<{ now: Date }>("SELECT clock_timestamp() AS now")).rows[0]?.now;
      const loaded = await bulkLoad(db, async (tx) => {
        for (const batch of [...batches(generate(11)), ...batches(later)])
          await saveEncodedResponses(tx, encodeResponses(batch), new Date(), { bulkLoadIds: batch.map((r) => r.id) });
      });
      expect(loaded).toBe(true);
      expect(await kept()).toEqual(byTrigger);
      expect(await counts()).toEqual(countedByTrigger);
      // Every index and key taken down for the load is back as it was.
      expect(await storeLayout(db)).toEqual(layout);
      // With the planner's statistics of what it loaded, gathered by the load itself.
      const analyzed = await db.query<{ relname: string }>(
        "SELECT relname FROM pg_stat_user_tables WHERE last_analyze >= $1 ORDER BY 1",
        [loadStarted],
      );
      expect(analyzed.rows.map((r) => r.relname)).toEqual([...STORE_TABLES].sort());
    });

    it("keep across surveys the smaller id of a respondent's latest answers that tie, by trigger as in bulk", async () => {
      const at = "2026-03-01T10:00:00.000Z";
      const tie = (id: string, surveyId: string) =>
        makeResponse(3, { id, surveyId, userId: "user-tie", createdAt: at, updatedAt: at });
      const answers = [tie("tie-answer-b", "nps-q4"), tie("tie-answer-a", "pulse")];
      const across = async () => (await db.query("SELECT id FROM latest_answers WHERE survey_id = ''")).rows;
      await saveResponses(db, answers);
      expect(await across()).toEqual([{ id: "tie-answer-a" }]);
      await db.query("DELETE FROM responses");
      expect(await bulkLoad(db, async (tx) => void (await saveResponses(tx, [...answers].reverse())))).toBe(true);
      expect(await across()).toEqual([{ id: "tie-answer-a" }]);
    });

    it("a bulk load that fails half way leaves the store as it found it, and a store with answers gets none", async () => {
      const before = await storeLayout(db);
      expect(before.length).toBeGreaterThan(5);
      const [first, second] = generate(11).filter((r) => r.kind === "nps" && r.score !== null);
      if (!first || !second) throw new Error("seed 11 has NPS answers");
      const failing = bulkLoad(db, async (tx) => {
        await saveResponses(tx, [first]);
        throw new Error("the file could not be read");
      });
      await expect(failing).rejects.toThrow("the file could not be read");
      expect(await storeLayout(db)).toEqual(before);
      expect(await listResponses(db)).toEqual([]);
      // The triggers are on again: a write is counted and its respondent's answer kept.
      await saveResponse(db, first);
      const kept = await db.query("SELECT id FROM latest_answers WHERE survey_id = $1", [first.surveyId]);
      expect(kept.rows).toEqual([{ id: first.id }]);
      const counted = await db.query<{ n: number }>("SELECT sum(n)::int AS n FROM response_counts");
      expect(counted.rows[0]?.n).toBe(1);
      let called = false;
      expect(await bulkLoad(db, async () => void (called = true))).toBe(false);
      expect(called).toBe(false);
    });

    /** The statements `read` runs. */
    async function statementsOf(read: (db: Db) => Promise<unknown>) {
      const statements: { sql: string; params: readonly unknown[] }[] = [];
      await read({
        ...db,
        query: (sql, params = []) => {
          statements.push({ sql, params });
          return db.query(sql, params);
        },
      });
      return statements;
    }

    /**
     * The plan of `read` (as JSON text) where scanning a table whole is the last resort: whether an
     * index can serve it at all (with few rows a scan is cheaper). `without` runs first, rolled back.
     */
    async function planOf(read: { sql: string; params: readonly unknown[] } | undefined, without: string[] = []) {
      if (!read) throw new Error("no such read");
      let plan = "";
      const rollback = new Error("rollback");
      await db
        .transaction(async (tx) => {
          await tx.query("SET LOCAL enable_seqscan = off");
          for (const statement of without) await tx.query(statement);
          plan = JSON.stringify((await tx.query(`EXPLAIN (FORMAT JSON) ${read.sql}`, read.params)).rows);
          throw rollback;
        })
        .catch((error) => {
          if (error !== rollback) throw error;
        });
      return plan;
    }

    it("read the detractors without a value through the index of the detractors' latest answers", async () => {
      for (const batch of batches(generate(11))) await saveResponses(db, batch);
      const reads = await statementsOf(async (db) => {
        expect((await respondents(db, { surveyId: "nps-q4" }, undefined, 5)).detractors.length).toBeGreaterThan(0);
      });
      const plan = await planOf(reads.find(({ sql }) => sql.includes("FROM latest_answers a WHERE")));
      // In the index's order: the most recent first, no sort.
      expect(plan).toContain("latest_answers_detractors");
      expect(plan).not.toContain('"Sort"');
    });

    it("read the ranked values and their sums since a date through the index led by their group's number", async () => {
      for (const batch of batches(generate(11))) await saveResponses(db, batch);
      const reads = await statementsOf(async (db) => {
        const from = new Date(START + 30 * DAY);
        expect((await respondents(db, { surveyId: "nps-q4", from }, "ltv", 5)).detractors.length).toBeGreaterThan(0);
      });
      // A range of the index: its number's condition, not a walk through all of it.
      const range = /"Index Name":"latest_values_by_value",[^}]*"Index Cond":"\(+hashtextextended/;
      // The most valuable detractors in the index's order, no sort.
      const ranked = await planOf(reads.find(({ sql }) => sql.startsWith("SELECT respondent FROM latest_values")));
      expect(ranked).toMatch(range);
      expect(ranked).not.toContain('"Sort"');
      // Few rows: the primary key (a survey's values whole) looks as cheap as any range of the index.
      const sums = reads.find(({ sql }) => sql.includes("sum(value::numeric)"));
      expect(await planOf(sums, ["ALTER TABLE latest_values DROP CONSTRAINT latest_values_pkey"])).toMatch(range);
    });

    it("read a survey's answers and a category's comments through the indexes led by their numbers", async () => {
      for (const batch of batches(generate(11))) await saveResponses(db, batch);
      const survey = { surveyId: "nps-q4", from: new Date(START + 30 * DAY) };
      // The first two pages: the second one after a key (created_at, id).
      const pages = await statementsOf(async (db) => {
        let count = 0;
        for await (const _ of responsePages(db, survey, 2)) if (++count === 2) return;
      });
      expect(pages.length).toBe(2);
      const [commented] = await statementsOf((db) => latestCommented(db, survey, "detractor", 5));
      // Without the other indexes that could serve them (with few rows, any looks as cheap).
      const others = ["responses_created_id", "responses_by_category", "responses_by_survey"];
      const without = (kept: string) => others.filter((name) => name !== kept).map((name) => `DROP INDEX ${name}`);
      for (const page of pages) {
        const plan = await planOf(page, without("responses_by_survey"));
        expect(plan).toMatch(/"Index Name":"responses_by_survey",[^}]*"Index Cond":"\(+hashtextextended\(survey_id/);
        // In the index's order (created_at, id after the survey's number), no sort.
        expect(plan).not.toContain('"Sort"');
      }
      expect(await planOf(commented, without("responses_by_category"))).toMatch(
        /"Index Name":"responses_by_category",[^}]*"Index Cond":"\(+hashtextextended\(category/,
      );
    });

    it("estimate a survey's or a category's rows where a read names both its text and its number", async () => {
      for (const batch of batches([...generate(11), ...generate(12), ...generate(13)])) await saveResponses(db, batch);
      await db.query("ANALYZE responses");
      for (const [where, text] of [
        [IN_SURVEY, "nps-q4"],
        [sameText("category", "$1"), "detractor"],
      ] as const) {
        const counted = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM responses WHERE ${where}`, [
          text,
        ]);
        const plan = await db.query<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }>(
          `EXPLAIN (FORMAT JSON) SELECT * FROM responses WHERE ${where}`,
          [text],
        );
        const expected = plan.rows[0]?.["QUERY PLAN"][0].Plan["Plan Rows"] ?? 0;
        const actual = counted.rows[0]?.n ?? 0;
        // Taken for independent conditions, it would expect about actual² / all rows.
        expect(actual).toBeGreaterThan(10);
        expect(expected / actual, `${text}: ${expected} rows expected, ${actual} stored`).toBeGreaterThan(0.75);
      }
    });

    it("export every matching row, in order, across pages", async () => {
      for (const state of generate(7)) await saveResponse(db, state);
      const rows = await listResponses(db);
      const ndjson = (await text(ndjsonChunks(db, {})))
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as SurveyResponse);
      expect(ndjson).toEqual(rows);
      const pages: SurveyResponse[][] = [];
      for await (const page of responsePages(db, {}, 4)) pages.push(page);
      expect(pages.flat()).toEqual(rows);
      expect(pages.length).toBe(Math.ceil(rows.length / 4));
      const pulse = { surveyId: "pulse", from: new Date(START + 100 * DAY) };
      const filtered: SurveyResponse[][] = [];
      for await (const page of responsePages(db, pulse, 2)) filtered.push(page);
      expect(filtered.flat()).toEqual(matching(rows, pulse));
      const keys = commonAttributeKeys(rows);
      expect(await text(csvChunks(db, {}))).toBe(CSV_BOM + csvHeader(keys) + rows.map((r) => csvRow(r, keys)).join(""));
    });
  });
}
