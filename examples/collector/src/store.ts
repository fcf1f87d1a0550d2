// Responses in the database: upsert by id (the newer state wins, see NEWER_STATE) and filtered reads.
import type { SurveyResponse } from "@npskit/core";
import type { Queryable } from "./db.js";
import { sameText } from "./index-numbers.js";
import { jsonbArray } from "./jsonb-array.js";

export type SaveResult = "created" | "updated" | "ignored";

/**
 * When an incoming state (`excluded`) replaces the stored one (`responses`) of the same id. A
 * complete state outranks a partial one: the comment comes last, and the SDK never sends a partial
 * state after it. Then the later time wins, where a state's time is its device's `updatedAt` but
 * never later than when the collector received it, so no clock can pin an answer: a stamp far in
 * the future (a wrong clock, or forged) counts as "when received", and a later genuine state still
 * wins. States of one id come from one device, so its own order holds even when its clock is off.
 * The same `updatedAt` again is the same state (a retry or a duplicate).
 */
const NEWER_STATE = `excluded.updated_at <> responses.updated_at
       AND (excluded.complete, LEAST(excluded.updated_at, excluded.received_at))
         > (responses.complete, LEAST(responses.updated_at, responses.received_at))`;

/**
 * Stores a response unless the stored state of its id is as new or newer (NEWER_STATE): delivery
 * is at-least-once and the comment updates the score's row, so retries, duplicates and
 * out-of-order arrivals never double count or roll back. `receivedAt` is the collector's clock.
 */
export async function saveResponse(
  db: Queryable,
  r: SurveyResponse,
  receivedAt: Date = new Date(),
): Promise<SaveResult> {
  return (await saveResponses(db, [r], receivedAt))[0] as SaveResult;
}

export interface SaveOptions {
  /**
   * Leave the respondents' latest answers (revenue at risk, detractors to contact) to
   * `refreshLatest`, which recomputes them all at once: a bulk write pays for them once per
   * respondent instead of once per statement. Until then those reads miss the new answers.
   */
  deferLatest?: boolean;
}

/** SaveOptions of `saveEncodedResponses`, which can also write inside a bulk load. */
export interface SaveEncodedOptions extends SaveOptions {
  /**
   * In the transaction of `bulkLoad`, where the triggers are off: the ids of the batch that may be
   * stored already (all of them, or those an earlier statement of the load also wrote), for
   * ANY_STORED; none means a plain insert. One left out could make INSERT_FRESH meet a stored id,
   * which fails the load.
   */
  bulkLoadIds?: readonly string[];
}

const COLUMNS = "id, survey_id, kind, score, complete, created_at, updated_at, received_at, data";
/** The rows of `$1` (responses, jsonbArray), all received at `$2`, as COLUMNS. */
const ROWS = `SELECT r->>'id' AS id, r->>'surveyId' AS survey_id, r->>'kind' AS kind, (r->>'score')::smallint AS score,
       (r->>'complete')::boolean AS complete, (r->>'createdAt')::timestamptz AS created_at,
       (r->>'updatedAt')::timestamptz AS updated_at, $2::timestamptz AS received_at, r AS data
     FROM unnest($1::jsonb[]) AS input(r)`;
const ON_CONFLICT = `ON CONFLICT (id) DO UPDATE SET
       survey_id = excluded.survey_id, kind = excluded.kind, score = excluded.score,
       complete = excluded.complete, created_at = excluded.created_at,
       updated_at = excluded.updated_at, received_at = excluded.received_at, data = excluded.data
     WHERE ${NEWER_STATE}`;

/**
 * Upserts ROWS; `$3` 'on' defers the latest answers (SaveOptions). One row per stored state: its
 * id and whether it was new.
 */
const UPSERT = `INSERT INTO responses (${COLUMNS})
     ${ROWS}
     WHERE set_config('npskit.defer_latest', $3, true) IS NOT NULL
     ${ON_CONFLICT}
     RETURNING id, (xmax = 0) AS inserted`;

const upsertParams = (answers: Uint8Array, receivedAt: Date, { deferLatest = false }: SaveOptions) => [
  answers,
  receivedAt.toISOString(),
  // `npskit.defer_latest` holds for this statement's transaction only; its trigger reads it.
  deferLatest ? "on" : "off",
];

/**
 * Inside a bulk load (bulk-load.ts: the triggers are off), a batch none of whose ids is stored
 * (ANY_STORED), the usual one when history goes into an empty store, is a plain INSERT: without
 * the speculative insertion ON CONFLICT makes for every row (a fifth of the statement's time).
 */
const ANY_STORED = "SELECT EXISTS (SELECT 1 FROM responses WHERE id = ANY($1::text[])) AS stored";
const INSERT_FRESH = `WITH fresh AS (INSERT INTO responses (${COLUMNS}) ${ROWS} RETURNING 1)
     SELECT count(*)::int AS created, 0 AS updated FROM fresh`;

/** Responses as the database reads them (jsonbArray of their JSON), for saveEncodedResponses. */
export const encodeResponses = (responses: readonly SurveyResponse[]): Uint8Array =>
  jsonbArray(responses.map((r) => JSON.stringify(r)));

/**
 * `saveResponse` for many responses in one statement (one transaction), with each one's result in
 * order, all received at `receivedAt`. The ids must be distinct (one row cannot be written twice by a statement).
 */
export async function saveResponses(
  db: Queryable,
  responses: readonly SurveyResponse[],
  receivedAt: Date = new Date(),
  options: SaveOptions = {},
): Promise<SaveResult[]> {
  if (responses.length === 0) return [];
  const { rows } = await db.query<{ id: string; inserted: boolean }>(
    UPSERT,
    upsertParams(encodeResponses(responses), receivedAt, options),
  );
  const written = new Map(rows.map((row) => [row.id, row.inserted ? ("created" as const) : ("updated" as const)]));
  return responses.map((r) => written.get(r.id) ?? "ignored");
}

/**
 * `saveResponses` of responses already encoded (encodeResponses; the import's reader encodes them
 * off the database's thread): how many it created and updated; the others were ignored.
 */
export async function saveEncodedResponses(
  db: Queryable,
  answers: Uint8Array,
  receivedAt: Date = new Date(),
  { bulkLoadIds, ...options }: SaveEncodedOptions = {},
): Promise<{ created: number; updated: number }> {
  const fresh =
    bulkLoadIds &&
    (bulkLoadIds.length === 0 || !(await db.query<{ stored: boolean }>(ANY_STORED, [bulkLoadIds])).rows[0]?.stored);
  const { rows } = fresh
    ? await db.query<{ created: number; updated: number }>(INSERT_FRESH, [answers, receivedAt.toISOString()])
    : await db.query<{ created: number; updated: number }>(
        `WITH saved AS (${UPSERT})
         SELECT count(*) FILTER (WHERE inserted)::int AS created, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM saved`,
        upsertParams(answers, receivedAt, options),
      );
  return { created: Number(rows[0]?.created ?? 0), updated: Number(rows[0]?.updated ?? 0) };
}

export interface ResponseFilter {
  surveyId?: string | undefined;
  /** Inclusive lower bound on `createdAt`. */
  from?: Date | undefined;
  /** Exclusive upper bound on `createdAt`. */
  to?: Date | undefined;
}

/** The responses of survey `$1` (any when null), through the index led by its number (sameText). */
export const IN_SURVEY = `($1::text IS NULL OR (${sameText("survey_id", "$1")}))`;
/** `$1` survey, `$2` from (inclusive), `$3` to (exclusive), on `created_at`: `matchParams`. */
export const MATCHES = `${IN_SURVEY} AND ($2::timestamptz IS NULL OR created_at >= $2) AND ($3::timestamptz IS NULL OR created_at < $3)`;
export const matchParams = (f: ResponseFilter) => [
  f.surveyId ?? null,
  f.from?.toISOString() ?? null,
  f.to?.toISOString() ?? null,
];

/** Responses matching the filter, oldest answer first. */
export async function listResponses(db: Queryable, filter: ResponseFilter = {}): Promise<SurveyResponse[]> {
  const { rows } = await db.query<{ data: SurveyResponse }>(
    `SELECT data FROM responses WHERE ${MATCHES} ORDER BY created_at, id`,
    matchParams(filter),
  );
  return rows.map((row) => row.data);
}

/** Every survey id with at least one answer (a response with a score), for pickers. */
export async function listSurveys(db: Queryable): Promise<{ surveyId: string; kind: string; responses: number }[]> {
  // From the maintained counts: a few rows per survey and day, whatever the number of answers.
  const { rows } = await db.query<{ survey_id: string; kind: string; n: number | string }>(
    "SELECT survey_id, min(kind) AS kind, sum(n) AS n FROM response_counts GROUP BY survey_id HAVING sum(n) > 0 ORDER BY survey_id",
  );
  return rows.map((r) => ({ surveyId: r.survey_id, kind: r.kind, responses: Number(r.n) }));
}
