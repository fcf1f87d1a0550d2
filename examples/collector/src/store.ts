// Responses in the database: upsert by id (latest `updatedAt` wins) and filtered reads.
import type { SurveyResponse } from "@npskit/core";
import type { Db } from "./db.js";

export type SaveResult = "created" | "updated" | "ignored";

/**
 * Stores a response unless a state at least as recent is already there: delivery is
 * at-least-once and the comment updates the score's row, so retries, duplicates and
 * out-of-order arrivals never double count or roll back.
 */
export async function saveResponse(db: Db, r: SurveyResponse): Promise<SaveResult> {
  return (await saveResponses(db, [r]))[0] as SaveResult;
}

/**
 * `saveResponse` for many responses in one statement (one transaction), with each one's result in
 * order. The ids must be distinct (one row cannot be written twice by a statement).
 */
export async function saveResponses(db: Db, responses: readonly SurveyResponse[]): Promise<SaveResult[]> {
  if (responses.length === 0) return [];
  const { rows } = await db.query<{ id: string; inserted: boolean }>(
    `INSERT INTO responses (id, survey_id, kind, score, complete, created_at, updated_at, data)
     SELECT r->>'id', r->>'surveyId', r->>'kind', (r->>'score')::smallint, (r->>'complete')::boolean,
       (r->>'createdAt')::timestamptz, (r->>'updatedAt')::timestamptz, r
     FROM jsonb_array_elements($1::jsonb) AS input(r)
     ON CONFLICT (id) DO UPDATE SET
       survey_id = excluded.survey_id, kind = excluded.kind, score = excluded.score,
       complete = excluded.complete, created_at = excluded.created_at,
       updated_at = excluded.updated_at, received_at = now(), data = excluded.data
     WHERE responses.updated_at < excluded.updated_at
     RETURNING id, (xmax = 0) AS inserted`,
    [JSON.stringify(responses)],
  );
  const written = new Map(rows.map((row) => [row.id, row.inserted ? ("created" as const) : ("updated" as const)]));
  return responses.map((r) => written.get(r.id) ?? "ignored");
}

export interface ResponseFilter {
  surveyId?: string | undefined;
  /** Inclusive lower bound on `createdAt`. */
  from?: Date | undefined;
  /** Exclusive upper bound on `createdAt`. */
  to?: Date | undefined;
}

/** Responses matching the filter, oldest answer first. */
export async function listResponses(db: Db, filter: ResponseFilter = {}): Promise<SurveyResponse[]> {
  const { rows } = await db.query<{ data: SurveyResponse }>(
    `SELECT data FROM responses
     WHERE ($1::text IS NULL OR survey_id = $1)
       AND ($2::timestamptz IS NULL OR created_at >= $2)
       AND ($3::timestamptz IS NULL OR created_at < $3)
     ORDER BY created_at, id`,
    [filter.surveyId ?? null, filter.from?.toISOString() ?? null, filter.to?.toISOString() ?? null],
  );
  return rows.map((row) => row.data);
}

/** Every survey id with at least one answer (a response with a score), for pickers. */
export async function listSurveys(db: Db): Promise<{ surveyId: string; kind: string; responses: number }[]> {
  // From the maintained counts: a few rows per survey and day, whatever the number of answers.
  const { rows } = await db.query<{ survey_id: string; kind: string; n: number | string }>(
    "SELECT survey_id, min(kind) AS kind, sum(n) AS n FROM response_counts GROUP BY survey_id HAVING sum(n) > 0 ORDER BY survey_id",
  );
  return rows.map((r) => ({ surveyId: r.survey_id, kind: r.kind, responses: Number(r.n) }));
}
