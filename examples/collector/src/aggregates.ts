// What the report needs, asked of the database: counts, sums and the few rows it shows, never every
// response. `@npskit/insights` turns these into the figures (analysis.ts), so the numbers have one
// definition; scores are counted from rows with a score, response rates from rows with a `status`.
import { CATEGORIES, type Category, type ResponseStatus, type SurveyKind, type SurveyResponse } from "@npskit/core";
import {
  NUMERIC_TEXT,
  type ScoreCount,
  type StatusCount,
  type TimedScoreCount,
  type ValueTotal,
} from "@npskit/insights";
import type { Db } from "./db.js";
import { sameText, VALUE_GROUP, valueGroup } from "./index-numbers.js";
import { IN_SURVEY, MATCHES, matchParams, type ResponseFilter } from "./store.js";

const DAY = 86_400_000;

const NPS_KINDS = `kind IN ('nps', 'enps') AND score IS NOT NULL`;

/**
 * Attributes tried, in order, for revenue at risk when the query names none. The store keeps their
 * values ranked (`latest_values`; RANKED_VALUE_KEYS of migrations.ts, kept equal by a test);
 * another key's are read in one pass over the latest answers.
 */
export const VALUE_ATTRIBUTES = ["ltv", "mrr", "arr", "revenue"];

/** A comment with something besides white space (JavaScript's `trim()` set). */
const COMMENTED = `data->>'comment' ~ '[^\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]'`;

/**
 * The number a jsonb value holds, read as `numericAttribute` reads it: a number, or text matching
 * `NUMERIC_TEXT` (written into the statement, so a trigger can use it too).
 */
export const numeric = (value: string) =>
  `CASE jsonb_typeof(${value}) WHEN 'number' THEN (${value})::float8 WHEN 'string' THEN CASE WHEN ${value} #>> '{}' ~ '${NUMERIC_TEXT.source}' THEN (${value} #>> '{}')::float8 END END`;

/**
 * The parameters of a read from maintained per-day counts: `$1` survey, `$2`..`$3` the whole UTC
 * days (dates; `$4` false when there is none), `$5`..`$6` and `$7`..`$8` the partial days at the
 * edges of a `from`/`to` that is not a midnight, read from the responses themselves (through the
 * `created_at` index).
 */
function dayParams(filter: ResponseFilter): unknown[] {
  const from = filter.from?.getTime();
  const to = filter.to?.getTime();
  const firstDay = from === undefined ? undefined : Math.ceil(from / DAY) * DAY;
  const endDay = to === undefined ? undefined : Math.floor(to / DAY) * DAY;
  const wholeDays = firstDay === undefined || endDay === undefined || firstDay < endDay;
  const edges: [number, number][] = [];
  if (!wholeDays) edges.push([from as number, to as number]);
  else {
    if (from !== undefined && from !== firstDay) edges.push([from, firstDay as number]);
    if (to !== undefined && to !== endDay) edges.push([endDay as number, to]);
  }
  const iso = (t: number | undefined) => (t === undefined ? null : new Date(t).toISOString());
  return [
    filter.surveyId ?? null,
    iso(firstDay)?.slice(0, 10) ?? null,
    iso(endDay)?.slice(0, 10) ?? null,
    wholeDays,
    iso(edges[0]?.[0]),
    iso(edges[0]?.[1]),
    iso(edges[1]?.[0]),
    iso(edges[1]?.[1]),
  ];
}

/** Rows of a per-day counts table within `dayParams`' whole days. */
const WHOLE_DAYS = `$4::boolean AND ($1::text IS NULL OR survey_id = $1) AND ($2::date IS NULL OR day >= $2::date) AND ($3::date IS NULL OR day < $3::date)`;

/** Responses within `dayParams`' partial days. */
const EDGE_DAYS = `${IN_SURVEY} AND ((created_at >= $5 AND created_at < $6) OR (created_at >= $7 AND created_at < $8))`;

/** Score counts per UTC day (`response_counts`, see `dayParams`). */
export async function scoreCountsByDay(db: Db, filter: ResponseFilter): Promise<TimedScoreCount[]> {
  const { rows } = await db.query<{ kind: SurveyKind; at: number; score: number; n: number }>(
    `SELECT kind, extract(epoch FROM day)::float8 * 1000 AS at, score, sum(n)::int AS n FROM (
       SELECT kind, day, score, n FROM response_counts WHERE ${WHOLE_DAYS}
       UNION ALL
       SELECT kind, (created_at AT TIME ZONE 'UTC')::date, score, 1 FROM responses WHERE ${EDGE_DAYS} AND score IS NOT NULL
     ) counted GROUP BY kind, day, score HAVING sum(n) > 0 ORDER BY day, kind, score`,
    dayParams(filter),
  );
  return rows.map((r) => ({ kind: r.kind, at: Number(r.at), score: Number(r.score), n: Number(r.n) }));
}

/** Displays per UTC day by their latest status (`display_counts`, see `dayParams`). */
export async function statusCountsByDay(db: Db, filter: ResponseFilter): Promise<(StatusCount & { at: number })[]> {
  const { rows } = await db.query<{ status: ResponseStatus; at: number; n: number }>(
    `SELECT status, extract(epoch FROM day)::float8 * 1000 AS at, sum(n)::int AS n FROM (
       SELECT status, day, n FROM display_counts WHERE ${WHOLE_DAYS}
       UNION ALL
       SELECT data->>'status', (created_at AT TIME ZONE 'UTC')::date, 1 FROM responses WHERE ${EDGE_DAYS} AND data ? 'status'
     ) counted GROUP BY status, day HAVING sum(n) > 0 ORDER BY day, status`,
    dayParams(filter),
  );
  return rows.map((r) => ({ status: r.status, at: Number(r.at), n: Number(r.n) }));
}

/** NPS/eNPS score counts per raw value of one attribute (`null` when absent). */
export async function scoreCountsByAttribute(
  db: Db,
  filter: ResponseFilter,
  key: string,
): Promise<(ScoreCount & { value: unknown })[]> {
  const { rows } = await db.query<{ value: unknown; kind: SurveyKind; score: number; n: number }>(
    `SELECT data->'attributes'->$4 AS value, kind, score, count(*)::int AS n FROM responses
     WHERE ${MATCHES} AND ${NPS_KINDS} GROUP BY 1, 2, 3`,
    [...matchParams(filter), key],
  );
  return rows.map((r) => ({ value: r.value, kind: r.kind, score: Number(r.score), n: Number(r.n) }));
}

/** Displays by their latest status per raw value of one attribute (`null` when absent). */
export async function statusCountsByAttribute(
  db: Db,
  filter: ResponseFilter,
  key: string,
): Promise<(StatusCount & { value: unknown })[]> {
  const { rows } = await db.query<{ value: unknown; status: ResponseStatus; n: number }>(
    `SELECT data->'attributes'->$4 AS value, data->>'status' AS status, count(*)::int AS n FROM responses
     WHERE ${MATCHES} AND data ? 'status' GROUP BY 1, 2`,
    [...matchParams(filter), key],
  );
  return rows.map((r) => ({ value: r.value, status: r.status, n: Number(r.n) }));
}

/** The first of `keys` that some matching response holds a number in (keys never recorded are not searched). */
export async function firstNumericAttribute(
  db: Db,
  filter: ResponseFilter,
  keys: readonly string[],
): Promise<string | undefined> {
  const { rows } = await db.query<{ key: string }>(
    `SELECT candidate.key FROM unnest($4::text[]) WITH ORDINALITY AS candidate(key, position)
     WHERE EXISTS (SELECT 1 FROM response_attribute_keys k WHERE k.key = candidate.key AND ($1::text IS NULL OR k.survey_id = $1))
       AND EXISTS (SELECT 1 FROM responses WHERE ${MATCHES} AND (${numeric("data->'attributes'->candidate.key")}) IS NOT NULL)
     ORDER BY candidate.position LIMIT 1`,
    [...matchParams(filter), keys],
  );
  return rows[0]?.key;
}

export interface Respondents {
  /** Value held per category, each respondent by their latest NPS/eNPS answer (empty without `value`). */
  values: ValueTotal[];
  /** Respondents whose latest answer is a detractor: the most valuable first, then the most recent. */
  detractors: SurveyResponse[];
}

/**
 * Each respondent's latest NPS/eNPS answer (ties: the smaller id, as the responses are listed): the
 * value per category and the first `limit` detractors in `detractorsToContact`'s order. Without a
 * `to`, from the maintained latest answers (`latest_answers`, `latest_values`, `value_totals`) not before
 * `from` (a respondent whose latest answer is older has none in the range): index ranges for a
 * VALUE_ATTRIBUTES key, one pass over the latest answers for another, never every answer. A range
 * that ends in the past is answered from its own responses.
 */
export async function respondents(
  db: Db,
  filter: ResponseFilter,
  value: string | undefined,
  limit: number,
): Promise<Respondents> {
  if (filter.to !== undefined) return respondentsInOnePass(db, filter, value, limit, "answers");
  if (value !== undefined && !VALUE_ATTRIBUTES.includes(value))
    return respondentsInOnePass(db, filter, value, limit, "latest");
  const scope = [filter.surveyId ?? "", filter.from?.toISOString() ?? null];
  const IN_SCOPE = `survey_id = $1 AND ($2::timestamptz IS NULL OR created_at >= $2)`;
  // The number of key `$3`'s values in a category, leading latest_values_by_value. Those values are
  // of NPS answers, whose categories are CATEGORIES: the sums read each one's range.
  const groupOf = (category: string) => valueGroup("$1::text", "$3::text", `'${category}'`);
  // Over all time, the maintained totals; from a date on, the values of the answers since then.
  const totals =
    filter.from === undefined
      ? `SELECT category, total AS value, respondents FROM value_totals WHERE survey_id = $1 AND key = $3 AND respondents > 0 AND $2::timestamptz IS NULL`
      : `SELECT category, sum(value::numeric) AS value, count(*) AS respondents FROM latest_values
         WHERE ${VALUE_GROUP} IN (${CATEGORIES.map(groupOf).join(", ")}) AND ${IN_SCOPE} AND key = $3 GROUP BY category`;
  const values =
    value === undefined ? [] : (await db.query<Record<keyof ValueTotal, string>>(totals, [...scope, value])).rows;
  // The most valuable detractors first; those without a value, the most recent first, after them.
  const ranked =
    value === undefined
      ? []
      : (
          await db.query<{ respondent: string }>(
            `SELECT respondent FROM latest_values
             WHERE ${VALUE_GROUP} = ${groupOf("detractor")} AND ${IN_SCOPE} AND key = $3 AND category = 'detractor'
             ORDER BY value DESC, created_at DESC, respondent COLLATE "C" LIMIT $4`,
            [...scope, value, limit],
          )
        ).rows;
  const unvalued =
    ranked.length === limit
      ? []
      : (
          await db.query<{ respondent: string }>(
            `SELECT respondent FROM latest_answers a WHERE ${IN_SCOPE} AND category = 'detractor'
               AND NOT EXISTS (SELECT 1 FROM latest_values v WHERE v.survey_id = a.survey_id AND v.respondent = a.respondent AND v.key = $3)
             ORDER BY created_at DESC, respondent COLLATE "C" LIMIT $4`,
            [...scope, value ?? null, limit - ranked.length],
          )
        ).rows;
  const order = [...ranked, ...unvalued].map((r) => r.respondent);
  const { rows } = await db.query<{ respondent: string; data: SurveyResponse }>(
    `SELECT a.respondent, r.data FROM latest_answers a JOIN responses r ON r.id = a.id
     WHERE a.survey_id = $1 AND a.respondent = ANY($2::text[])`,
    [scope[0], order],
  );
  const data = new Map(rows.map((r) => [r.respondent, r.data]));
  return {
    values: values.map((v) => ({
      category: v.category as Category,
      value: Number(v.value),
      respondents: Number(v.respondents),
    })),
    detractors: order.map((respondent) => data.get(respondent) as SurveyResponse),
  };
}

/**
 * `respondents` in one pass: over the responses of a range that ends at `to` (each respondent's
 * latest answer in it), or over the maintained latest answers (`latest`, for a key whose values
 * are not kept ranked).
 */
async function respondentsInOnePass(
  db: Db,
  filter: ResponseFilter,
  value: string | undefined,
  limit: number,
  source: "answers" | "latest",
): Promise<Respondents> {
  const latest =
    source === "answers"
      ? `SELECT DISTINCT ON (respondent) respondent, category, created_at, id, value FROM (
           SELECT respondent, category, created_at, id, ${numeric("data->'attributes'->$4::text")} AS value
           FROM responses WHERE ${MATCHES} AND ${NPS_KINDS}
         ) answers
         ORDER BY respondent, created_at DESC, id`
      : // Never with a `to`: `$3` is named only so that it has a type.
        `SELECT respondent, category, created_at, id, ${numeric("attributes->$4::text")} AS value
         FROM latest_answers WHERE survey_id = coalesce($1, '') AND ($2::timestamptz IS NULL OR created_at >= $2)
           AND $3::timestamptz IS NULL`;
  const { rows } = await db.query<{ values: ValueTotal[] | null; detractors: SurveyResponse[] | null }>(
    `WITH latest AS MATERIALIZED (
       ${latest}
     ), top AS (
       SELECT id, value, created_at, respondent FROM latest WHERE category = 'detractor'
       ORDER BY value DESC NULLS LAST, created_at DESC, respondent COLLATE "C" LIMIT $5
     )
     SELECT
       (SELECT json_agg(json_build_object('category', category, 'value', total, 'respondents', n)) FROM (
          SELECT category, sum(value::numeric) AS total, count(*) AS n FROM latest WHERE value IS NOT NULL GROUP BY category) sums) AS values,
       (SELECT json_agg(r.data ORDER BY top.value DESC NULLS LAST, top.created_at DESC, top.respondent COLLATE "C")
          FROM top JOIN responses r ON r.id = top.id) AS detractors`,
    [...matchParams(filter), value ?? null, limit],
  );
  const row = rows[0];
  return { values: row?.values ?? [], detractors: row?.detractors ?? [] };
}

/** The `limit` latest-updated responses of a category with a comment, newest first (ties as listed). */
export async function latestCommented(
  db: Db,
  filter: ResponseFilter,
  category: Category,
  limit: number,
): Promise<SurveyResponse[]> {
  const { rows } = await db.query<{ data: SurveyResponse }>(
    `SELECT data FROM responses
     WHERE ${MATCHES} AND ${sameText("category", "$4")} AND ${COMMENTED}
     ORDER BY updated_at DESC, created_at, id LIMIT $5`,
    [...matchParams(filter), category, limit],
  );
  return rows.map((r) => r.data);
}

/** The attributes of the `limit` most recently answered matching responses. */
export async function recentAttributes(
  db: Db,
  filter: ResponseFilter,
  limit: number,
): Promise<Pick<SurveyResponse, "attributes">[]> {
  const { rows } = await db.query<{ attributes: SurveyResponse["attributes"] | null }>(
    `SELECT data->'attributes' AS attributes FROM responses WHERE ${MATCHES} ORDER BY created_at DESC, id DESC LIMIT $4`,
    [...matchParams(filter), limit],
  );
  return rows.map((r) => (r.attributes ? { attributes: r.attributes } : {}));
}
