import { numeric } from "./aggregates.js";
import type { Db } from "./db.js";
import { textHash, VALUE_GROUP } from "./index-numbers.js";

const WRITES = ["INSERT", "UPDATE", "DELETE"] as const;
const triggerNames = (name: string) => WRITES.map((write) => `${name}_${write.toLowerCase()}`);
/** The responses and every table kept from them. */
export const STORE_TABLES = [
  "responses",
  "response_counts",
  "display_counts",
  "response_attribute_keys",
  "latest_answers",
  "latest_values",
  "value_totals",
  "latest_pending",
];
/** The triggers on `responses` that keep the counts and the latest answers (migrations 3 and 4). */
export const RESPONSE_TRIGGERS = [...triggerNames("responses_counted"), ...triggerNames("responses_latest")];
/** Statement triggers `<name>_insert|update|delete` on `table` that run `fn` with the transition tables. */
const statementTriggers = (name: string, table: string, fn: string) =>
  WRITES.map(
    (write) => `CREATE OR REPLACE TRIGGER ${name}_${write.toLowerCase()} AFTER ${write} ON ${table}
        REFERENCING ${write === "INSERT" ? "" : "OLD TABLE AS old_rows "}${write === "DELETE" ? "" : "NEW TABLE AS new_rows "}FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
  );

/**
 * The attributes whose numbers migration 6 keeps ranked: the report's VALUE_ATTRIBUTES when it was
 * written (a test keeps the two equal). Changing them needs a migration that re-creates the
 * functions below and rebuilds `latest_values` and `value_totals`.
 */
export const RANKED_VALUE_KEYS = ["ltv", "mrr", "arr", "revenue"];
const sqlList = (keys: readonly string[]) => keys.map((key) => `'${key}'`).join(", ");

// Fragments of migration 5's and 6's statements, written once. numbersOf: a CTE `numbers` of the
// numeric attributes (those of `keys`, or all) of the rows of a CTE `kept` (new latest answers).
// STORE_VALUES stores them as latest values; keepValues also adds them to the totals (the tail of
// such a WITH). subtractValues: takes the values listed by a CTE off the totals.
const numbersOf = (keys?: readonly string[]) => `numbers AS (
  SELECT * FROM (
    SELECT k.survey_id, k.respondent, a.key, k.category, k.created_at, ${numeric("a.value")} AS value
    FROM kept k, jsonb_each(CASE WHEN jsonb_typeof(k.attributes) = 'object' THEN k.attributes END) a${keys ? ` WHERE a.key IN (${sqlList(keys)})` : ""}
  ) valued WHERE value IS NOT NULL
)`;
/** Migration 5 kept every numeric attribute; 6 keeps those of RANKED_VALUE_KEYS. */
const ALL_NUMBERS = numbersOf();
const RANKED_NUMBERS = numbersOf(RANKED_VALUE_KEYS);
const INSERT_NUMBERS = `INSERT INTO latest_values (survey_id, respondent, key, category, value, created_at)
    SELECT survey_id, respondent, key, category, value, created_at FROM numbers`;
/** INSERT_NUMBERS in the order of the key (the lock order of concurrent writers). */
const STORE_VALUES = `${INSERT_NUMBERS} ORDER BY 1, 2, 3`;
const keepValues = (numbersCte: string) => `${numbersCte}, added AS (
  ${STORE_VALUES}
)
INSERT INTO value_totals AS t (survey_id, key, category, total, respondents)
  SELECT survey_id, key, category, sum(value::numeric), count(*) FROM numbers GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (survey_id, key, category) DO UPDATE
    SET total = t.total + excluded.total, respondents = t.respondents + excluded.respondents`;
const subtractValues = (gone: string) => `INSERT INTO value_totals AS t (survey_id, key, category, total, respondents)
  SELECT survey_id, key, category, -sum(value::numeric), -count(*) FROM ${gone} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (survey_id, key, category) DO UPDATE
    SET total = t.total + excluded.total, respondents = t.respondents + excluded.respondents`;

/**
 * The latest answer, per survey and across surveys ('') unless `acrossSurveys` is false, of each
 * respondent whose answers `answers` lists (a FROM item naming them `r`), as the columns of
 * `latest_answers`.
 */
const latestAnswers = (
  answers: string,
  { acrossSurveys = true } = {},
) => `SELECT DISTINCT ON (scope.survey_id, r.respondent) scope.survey_id, r.respondent, r.id, r.created_at, r.category, r.data->'attributes'
        FROM ${answers}, LATERAL (VALUES ${acrossSurveys ? "(r.survey_id), ('')" : "(r.survey_id)"}) AS scope(survey_id)
        WHERE r.kind IN ('nps', 'enps') AND r.score IS NOT NULL
        ORDER BY scope.survey_id, r.respondent, r.created_at DESC, r.id`;
/** Keeps latestAnswers of `answers` (none of their respondents kept yet). */
const latestOf = (
  answers: string,
) => `INSERT INTO latest_answers (survey_id, respondent, id, created_at, category, attributes)
        ${latestAnswers(answers)}`;
/** latestOf, with the values (`numbersCte`, numbersOf) of the answers it keeps and their totals. */
const keepLatest = (answers: string, numbersCte: string) => `WITH kept AS (
          ${latestOf(answers)}
          RETURNING survey_id, respondent, category, created_at, attributes
        ), ${keepValues(numbersCte)}`;

/**
 * The statement's new answers (`new_rows`) that are now their respondents' latest, per survey and
 * across surveys, upserted over the kept ones (the later `created_at` wins; ties: the smaller id).
 */
const NEW_LATEST = `INSERT INTO latest_answers AS l (survey_id, respondent, id, created_at, category, attributes)
            SELECT DISTINCT ON (scope.survey_id, n.respondent) scope.survey_id, n.respondent, n.id, n.created_at, n.category, n.data->'attributes'
            FROM new_rows n, LATERAL (VALUES (n.survey_id), ('')) AS scope(survey_id)
            WHERE n.kind IN ('nps', 'enps') AND n.score IS NOT NULL
            ORDER BY scope.survey_id, n.respondent, n.created_at DESC, n.id
            ON CONFLICT (survey_id, respondent) DO UPDATE SET
              id = excluded.id, created_at = excluded.created_at, category = excluded.category, attributes = excluded.attributes
            WHERE excluded.created_at > l.created_at OR (excluded.created_at = l.created_at AND excluded.id <= l.id)`;

// What the counts tables hold, computed from all the stored responses (into empty tables).
const COUNT_RESPONSES = `INSERT INTO response_counts (survey_id, day, kind, score, n)
        SELECT survey_id, (created_at AT TIME ZONE 'UTC')::date, kind, score, count(*) FROM responses
        WHERE score IS NOT NULL GROUP BY 1, 2, 3, 4`;
const COUNT_DISPLAYS = `INSERT INTO display_counts (survey_id, day, status, n)
        SELECT survey_id, (created_at AT TIME ZONE 'UTC')::date, data->>'status', count(*) FROM responses
        WHERE data ? 'status' GROUP BY 1, 2, 3`;
/** The attribute keys of all the stored responses, per survey (into an empty table). */
export const LIST_ATTRIBUTE_KEYS = `INSERT INTO response_attribute_keys (survey_id, key)
        SELECT DISTINCT survey_id, jsonb_object_keys(data->'attributes') FROM responses
        WHERE jsonb_typeof(data->'attributes') = 'object' ON CONFLICT DO NOTHING`;

/**
 * The trigger function that keeps the latest answers of a write's respondents (migration 5), with
 * their values (`numbersCte`, numbersOf).
 */
const latestAnswersFunction = (
  numbersCte: string,
) => `CREATE OR REPLACE FUNCTION npskit_latest_answers() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- A bulk write's statement sets npskit.defer_latest for its transaction: its respondents
        -- wait for npskit_refresh_latest(), which recomputes them all at once.
        IF current_setting('npskit.defer_latest', true) = 'on' THEN
          IF TG_OP <> 'DELETE' THEN
            INSERT INTO latest_pending SELECT DISTINCT respondent FROM new_rows
              WHERE kind IN ('nps', 'enps') AND score IS NOT NULL ORDER BY 1 ON CONFLICT DO NOTHING;
          END IF;
          IF TG_OP <> 'INSERT' THEN
            INSERT INTO latest_pending SELECT DISTINCT respondent FROM old_rows
              WHERE kind IN ('nps', 'enps') AND score IS NOT NULL ORDER BY 1 ON CONFLICT DO NOTHING;
          END IF;
          RETURN NULL;
        END IF;
        -- EXECUTE: planned at each call for the tables' size then (a plan cached while they were
        -- small would scan them whole for every row written).
        IF TG_OP <> 'INSERT' THEN
          -- A kept answer updated or deleted: forget it and its values…
          EXECUTE $q$WITH gone AS (
            DELETE FROM latest_answers l USING old_rows o
            WHERE l.survey_id IN (o.survey_id, '') AND l.respondent = o.respondent AND l.id = o.id
            RETURNING l.survey_id, l.respondent
          ), values_gone AS (
            DELETE FROM latest_values v USING gone g WHERE v.survey_id = g.survey_id AND v.respondent = g.respondent
            RETURNING v.survey_id, v.key, v.category, v.value
          )
          ${subtractValues("values_gone")}$q$;
          -- …and keep each such respondent's latest answer among the stored ones, with its values.
          EXECUTE $q$WITH kept AS (
            INSERT INTO latest_answers (survey_id, respondent, id, created_at, category, attributes)
              SELECT DISTINCT ON (k.survey_id, k.respondent) k.survey_id, k.respondent, r.id, r.created_at, r.category, r.data->'attributes'
              FROM (SELECT DISTINCT scope.survey_id, o.respondent FROM old_rows o, LATERAL (VALUES (o.survey_id), ('')) AS scope(survey_id)) k
              JOIN responses r ON r.respondent = k.respondent AND k.survey_id IN (r.survey_id, '')
              WHERE r.kind IN ('nps', 'enps') AND r.score IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM latest_answers l WHERE l.survey_id = k.survey_id AND l.respondent = k.respondent)
              ORDER BY k.survey_id, k.respondent, r.created_at DESC, r.id
            RETURNING survey_id, respondent, category, created_at, attributes
          ), ${keepValues(numbersCte)}$q$;
        END IF;
        IF TG_OP <> 'DELETE' THEN
          -- The new answers that are now their respondents' latest replace the kept ones; their
          -- values replace the kept ones' (read before this statement), and the totals move by the difference.
          EXECUTE $q$WITH kept AS (
            ${NEW_LATEST}
            RETURNING l.survey_id, l.respondent, l.category, l.created_at, l.attributes
          ), before AS (
            SELECT v.survey_id, v.respondent, v.key, v.category, v.value
            FROM kept k JOIN latest_values v ON v.survey_id = k.survey_id AND v.respondent = k.respondent
          ), ${numbersCte}, dropped AS (
            DELETE FROM latest_values v USING before b
            WHERE v.survey_id = b.survey_id AND v.respondent = b.respondent AND v.key = b.key
              AND NOT EXISTS (SELECT 1 FROM numbers n WHERE n.survey_id = b.survey_id AND n.respondent = b.respondent AND n.key = b.key)
          ), put AS (
            INSERT INTO latest_values AS v (survey_id, respondent, key, category, value, created_at)
              SELECT survey_id, respondent, key, category, value, created_at FROM numbers ORDER BY 1, 2, 3
            ON CONFLICT (survey_id, respondent, key) DO UPDATE SET
              category = excluded.category, value = excluded.value, created_at = excluded.created_at
          )
          INSERT INTO value_totals AS t (survey_id, key, category, total, respondents)
            SELECT survey_id, key, category, sum(total), sum(n) FROM (
              SELECT survey_id, key, category, -value::numeric AS total, -1 AS n FROM before
              UNION ALL
              SELECT survey_id, key, category, value::numeric, 1 FROM numbers
            ) moves GROUP BY 1, 2, 3 HAVING sum(n) <> 0 OR sum(total) <> 0 ORDER BY 1, 2, 3
            ON CONFLICT (survey_id, key, category) DO UPDATE
              SET total = t.total + excluded.total, respondents = t.respondents + excluded.respondents$q$;
        END IF;
        RETURN NULL;
      END $$`;

/** The refresh of the respondents a bulk write deferred (migration 5), with their values (`numbersCte`). */
const refreshLatestFunction = (
  numbersCte: string,
) => `CREATE OR REPLACE FUNCTION npskit_refresh_latest() RETURNS integer LANGUAGE plpgsql
      SET work_mem = '64MB' AS $$
      DECLARE
        refreshed integer;
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM latest_pending) THEN
          RETURN 0;
        END IF;
        LOCK TABLE latest_answers, latest_values, value_totals IN SHARE ROW EXCLUSIVE MODE;
        EXECUTE $q$WITH gone AS (
          DELETE FROM latest_values v USING latest_pending p WHERE v.respondent = p.respondent
          RETURNING v.survey_id, v.key, v.category, v.value
        )
        ${subtractValues("gone")}$q$;
        EXECUTE $q$DELETE FROM latest_answers l USING latest_pending p WHERE l.respondent = p.respondent$q$;
        EXECUTE $q$${keepLatest("latest_pending p JOIN responses r ON r.respondent = p.respondent", numbersCte)}$q$;
        DELETE FROM latest_pending;
        GET DIAGNOSTICS refreshed = ROW_COUNT;
        RETURN refreshed;
      END $$`;

// The number of each of RANKED_VALUE_KEYS in a latest answer's attributes (`->` is NULL where
// they are not an object), as a column named after the key: what numbersOf(RANKED_VALUE_KEYS)
// finds by expanding them all. In the order of the keys (of latest_values' primary key).
const SORTED_RANKED_KEYS = [...RANKED_VALUE_KEYS].sort();
const RANKED_COLUMNS = SORTED_RANKED_KEYS.map((key) => `${numeric(`attributes->'${key}'`)} AS "${key}"`).join(", ");
const RANKED_COLUMN_NAMES = SORTED_RANKED_KEYS.map((key) => `"${key}"`).join(", ");

/**
 * What is kept from the responses (counts, latest answers with their values and totals; the
 * attribute keys are LIST_ATTRIBUTE_KEYS), computed from all of them into empty tables: what the
 * triggers would have kept had they seen each write (a bulk load runs these once instead, bulk-load.ts).
 */
export const KEEP_ALL = [
  COUNT_RESPONSES,
  COUNT_DISPLAYS,
  // The latest answers per survey with their ranked values, and across surveys from them (a
  // respondent's latest answer is the latest of those, values included). Across surveys first: ''
  // comes before every survey id, so both tables' rows arrive in the order of their primary keys,
  // which are then built from sorted rows.
  `WITH per_survey AS MATERIALIZED (
      SELECT latest.*, ${RANKED_COLUMNS} FROM (${latestAnswers("responses r", { acrossSurveys: false })})
        AS latest (survey_id, respondent, id, created_at, category, attributes)
    ), kept AS (
      SELECT * FROM (
        SELECT DISTINCT ON (respondent) '' AS survey_id, respondent, id, created_at, category, attributes, ${RANKED_COLUMN_NAMES}
        FROM per_survey ORDER BY respondent, created_at DESC, id
      ) across_surveys
      UNION ALL SELECT * FROM per_survey
    ), answers AS (
      INSERT INTO latest_answers (survey_id, respondent, id, created_at, category, attributes)
      SELECT survey_id, respondent, id, created_at, category, attributes FROM kept
    ), numbers AS (
      SELECT * FROM (
        SELECT survey_id, respondent, unnest(ARRAY[${sqlList(SORTED_RANKED_KEYS)}]) AS key, category,
          unnest(ARRAY[${RANKED_COLUMN_NAMES}]) AS value, created_at
        FROM kept
      ) ranked WHERE value IS NOT NULL
    )
    ${INSERT_NUMBERS}`,
  `INSERT INTO value_totals (survey_id, key, category, total, respondents)
    SELECT survey_id, key, category, sum(value::numeric), count(*) FROM latest_values GROUP BY 1, 2, 3`,
];

/**
 * Schema changes, applied in order and recorded in `npskit_migrations`. Append only: never edit a
 * released migration. One statement per entry (the embedded driver runs one at a time); every
 * statement is idempotent so a start-up interrupted half way simply resumes.
 */
export const MIGRATIONS: readonly { version: number; name: string; statements: readonly string[] }[] = [
  {
    version: 1,
    name: "responses",
    statements: [
      `CREATE TABLE IF NOT EXISTS responses (
        id text PRIMARY KEY,
        survey_id text NOT NULL,
        kind text NOT NULL,
        score smallint NOT NULL,
        complete boolean NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        data jsonb NOT NULL
      )`,
      `CREATE INDEX IF NOT EXISTS responses_survey_created ON responses (survey_id, created_at)`,
      `CREATE INDEX IF NOT EXISTS responses_created ON responses (created_at)`,
    ],
  },
  {
    version: 2,
    name: "displays without a score",
    // A display recorded before (or without) an answer has `score: null` (CONTRACT §4 status).
    statements: [`ALTER TABLE responses ALTER COLUMN score DROP NOT NULL`],
  },
  {
    // Reads that do not grow with the number of answers: score counts per survey × UTC day × kind,
    // displays per survey × UTC day × latest status, and the attribute keys of each survey, kept by
    // triggers in the transaction of every write (an update that moves an answer to another score,
    // status, day or survey moves its count too).
    version: 3,
    name: "aggregates",
    statements: [
      `ALTER TABLE responses ADD COLUMN IF NOT EXISTS category text GENERATED ALWAYS AS (
        CASE
          WHEN score IS NULL THEN NULL
          WHEN kind = 'csat' THEN CASE WHEN score >= 4 THEN 'promoter' WHEN score = 3 THEN 'passive' ELSE 'detractor' END
          WHEN kind = 'ces' THEN CASE WHEN score >= 6 THEN 'promoter' WHEN score >= 4 THEN 'passive' ELSE 'detractor' END
          ELSE CASE WHEN score >= 9 THEN 'promoter' WHEN score >= 7 THEN 'passive' ELSE 'detractor' END
        END) STORED`,
      `ALTER TABLE responses ADD COLUMN IF NOT EXISTS respondent text GENERATED ALWAYS AS (
        CASE WHEN coalesce(data->>'userId', '') <> '' THEN 'user:' || (data->>'userId') ELSE 'anon:' || (data->>'anonymousId') END) STORED`,
      `CREATE TABLE IF NOT EXISTS response_counts (
        survey_id text NOT NULL,
        day date NOT NULL,
        kind text NOT NULL,
        score smallint NOT NULL,
        n integer NOT NULL,
        PRIMARY KEY (survey_id, day, kind, score)
      )`,
      `CREATE TABLE IF NOT EXISTS display_counts (
        survey_id text NOT NULL,
        day date NOT NULL,
        status text NOT NULL,
        n integer NOT NULL,
        PRIMARY KEY (survey_id, day, status)
      )`,
      `CREATE TABLE IF NOT EXISTS response_attribute_keys (
        survey_id text NOT NULL,
        key text NOT NULL,
        PRIMARY KEY (survey_id, key)
      )`,
      // Lock order is the primary key's, so concurrent writers of the same counts never deadlock.
      `CREATE OR REPLACE FUNCTION npskit_count_responses() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO response_counts AS c (survey_id, day, kind, score, n)
            SELECT survey_id, (created_at AT TIME ZONE 'UTC')::date, kind, score, count(*) FROM new_rows
            WHERE score IS NOT NULL GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
            ON CONFLICT (survey_id, day, kind, score) DO UPDATE SET n = c.n + excluded.n;
          INSERT INTO display_counts AS c (survey_id, day, status, n)
            SELECT survey_id, (created_at AT TIME ZONE 'UTC')::date, data->>'status', count(*) FROM new_rows
            WHERE data ? 'status' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            ON CONFLICT (survey_id, day, status) DO UPDATE SET n = c.n + excluded.n;
        ELSIF TG_OP = 'UPDATE' THEN
          INSERT INTO response_counts AS c (survey_id, day, kind, score, n)
            SELECT survey_id, day, kind, score, sum(delta) FROM (
              SELECT survey_id, (created_at AT TIME ZONE 'UTC')::date AS day, kind, score, -1 AS delta FROM old_rows WHERE score IS NOT NULL
              UNION ALL
              SELECT survey_id, (created_at AT TIME ZONE 'UTC')::date, kind, score, 1 FROM new_rows WHERE score IS NOT NULL
            ) moves GROUP BY 1, 2, 3, 4 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3, 4
            ON CONFLICT (survey_id, day, kind, score) DO UPDATE SET n = c.n + excluded.n;
          INSERT INTO display_counts AS c (survey_id, day, status, n)
            SELECT survey_id, day, status, sum(delta) FROM (
              SELECT survey_id, (created_at AT TIME ZONE 'UTC')::date AS day, data->>'status' AS status, -1 AS delta FROM old_rows WHERE data ? 'status'
              UNION ALL
              SELECT survey_id, (created_at AT TIME ZONE 'UTC')::date, data->>'status', 1 FROM new_rows WHERE data ? 'status'
            ) moves GROUP BY 1, 2, 3 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3
            ON CONFLICT (survey_id, day, status) DO UPDATE SET n = c.n + excluded.n;
        ELSE
          INSERT INTO response_counts AS c (survey_id, day, kind, score, n)
            SELECT survey_id, (created_at AT TIME ZONE 'UTC')::date, kind, score, -count(*) FROM old_rows
            WHERE score IS NOT NULL GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
            ON CONFLICT (survey_id, day, kind, score) DO UPDATE SET n = c.n + excluded.n;
          INSERT INTO display_counts AS c (survey_id, day, status, n)
            SELECT survey_id, (created_at AT TIME ZONE 'UTC')::date, data->>'status', -count(*) FROM old_rows
            WHERE data ? 'status' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            ON CONFLICT (survey_id, day, status) DO UPDATE SET n = c.n + excluded.n;
        END IF;
        IF TG_OP <> 'DELETE' THEN
          INSERT INTO response_attribute_keys (survey_id, key)
            SELECT DISTINCT survey_id, jsonb_object_keys(data->'attributes') FROM new_rows
            WHERE jsonb_typeof(data->'attributes') = 'object' ORDER BY 1, 2
            ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
      END $$`,
      ...statementTriggers("responses_counted", "responses", "npskit_count_responses"),
      // Counts of the answers stored before this version (recomputed whole, so a rerun is harmless).
      `DELETE FROM response_counts`,
      COUNT_RESPONSES,
      `DELETE FROM display_counts`,
      COUNT_DISPLAYS,
      LIST_ATTRIBUTE_KEYS,
      // Export pages (keyset on created_at, id), latest comments and respondents' latest answers.
      `CREATE INDEX IF NOT EXISTS responses_created_id ON responses (created_at, id)`,
      `CREATE INDEX IF NOT EXISTS responses_survey_created_id ON responses (survey_id, created_at, id)`,
      `DROP INDEX IF EXISTS responses_created`,
      `DROP INDEX IF EXISTS responses_survey_created`,
      `CREATE INDEX IF NOT EXISTS responses_category_updated ON responses (category, updated_at)`,
    ],
  },
  {
    // Each respondent's latest NPS/eNPS answer (by created_at, then the smaller id), per survey and
    // across all surveys (`survey_id` ''; a survey id is never empty), kept by a trigger in the
    // write's transaction: revenue at risk and detractors to contact read one row per respondent,
    // never every answer. An update or delete of the kept answer (another score, day, kind or
    // respondent) recomputes that respondent from the responses, through `responses_respondent`.
    version: 4,
    name: "latest answers",
    statements: [
      `CREATE TABLE IF NOT EXISTS latest_answers (
        survey_id text NOT NULL,
        respondent text NOT NULL,
        id text NOT NULL,
        created_at timestamptz NOT NULL,
        category text NOT NULL,
        attributes jsonb,
        PRIMARY KEY (survey_id, respondent)
      )`,
      // Detractors without a value to rank them by, the most recent first.
      `CREATE INDEX IF NOT EXISTS latest_answers_recent ON latest_answers
        (survey_id, category, created_at DESC, respondent COLLATE "C")`,
      `CREATE INDEX IF NOT EXISTS responses_respondent ON responses (respondent)
        WHERE kind IN ('nps', 'enps') AND score IS NOT NULL`,
      `CREATE OR REPLACE FUNCTION npskit_latest_answers() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- EXECUTE: planned at each call for the tables' size then (a plan cached while they were
        -- small would scan them whole for every row written).
        IF TG_OP <> 'INSERT' THEN
          EXECUTE $q$DELETE FROM latest_answers l USING old_rows o
            WHERE l.survey_id IN (o.survey_id, '') AND l.respondent = o.respondent AND l.id = o.id$q$;
          EXECUTE $q$INSERT INTO latest_answers (survey_id, respondent, id, created_at, category, attributes)
            SELECT DISTINCT ON (k.survey_id, k.respondent) k.survey_id, k.respondent, r.id, r.created_at, r.category, r.data->'attributes'
            FROM (SELECT DISTINCT scope.survey_id, o.respondent FROM old_rows o, LATERAL (VALUES (o.survey_id), ('')) AS scope(survey_id)) k
            JOIN responses r ON r.respondent = k.respondent AND k.survey_id IN (r.survey_id, '')
            WHERE r.kind IN ('nps', 'enps') AND r.score IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM latest_answers l WHERE l.survey_id = k.survey_id AND l.respondent = k.respondent)
            ORDER BY k.survey_id, k.respondent, r.created_at DESC, r.id$q$;
        END IF;
        IF TG_OP <> 'DELETE' THEN
          ${NEW_LATEST};
        END IF;
        RETURN NULL;
      END $$`,
      ...statementTriggers("responses_latest", "responses", "npskit_latest_answers"),
      // The numeric attributes of each latest answer, one row per key (a number, or text that
      // `numericAttribute` reads as one), ordered by value within survey × key × category: revenue
      // at risk over a range sums one index range, the detractors worth a call are its first rows.
      `CREATE TABLE IF NOT EXISTS latest_values (
        survey_id text NOT NULL,
        respondent text NOT NULL,
        key text NOT NULL,
        category text NOT NULL,
        value float8 NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (survey_id, respondent, key)
      )`,
      `CREATE INDEX IF NOT EXISTS latest_values_ranked ON latest_values
        (survey_id, key, category, value DESC, created_at DESC, respondent COLLATE "C")`,
      // Their totals per survey × key × category, exact decimals (added and taken away for years
      // without drift): revenue at risk over all time reads three rows.
      `CREATE TABLE IF NOT EXISTS value_totals (
        survey_id text NOT NULL,
        key text NOT NULL,
        category text NOT NULL,
        total numeric NOT NULL,
        respondents integer NOT NULL,
        PRIMARY KEY (survey_id, key, category)
      )`,
      `CREATE OR REPLACE FUNCTION npskit_latest_values() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          -- EXECUTE: planned for the table's size at each call (see npskit_latest_answers).
          EXECUTE $q$WITH gone AS (
            DELETE FROM latest_values v USING old_rows o WHERE v.survey_id = o.survey_id AND v.respondent = o.respondent
            RETURNING v.survey_id, v.key, v.category, v.value
          )
          INSERT INTO value_totals AS t (survey_id, key, category, total, respondents)
            SELECT survey_id, key, category, -sum(value::numeric), -count(*) FROM gone GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            ON CONFLICT (survey_id, key, category) DO UPDATE
              SET total = t.total + excluded.total, respondents = t.respondents + excluded.respondents$q$;
        END IF;
        IF TG_OP <> 'DELETE' THEN
          WITH added AS (
            INSERT INTO latest_values (survey_id, respondent, key, category, value, created_at)
              SELECT survey_id, respondent, key, category, value, created_at FROM (
                SELECT n.survey_id, n.respondent, a.key, n.category, n.created_at, ${numeric("a.value")} AS value
                FROM new_rows n, jsonb_each(CASE WHEN jsonb_typeof(n.attributes) = 'object' THEN n.attributes END) a
              ) numbers WHERE value IS NOT NULL ORDER BY 1, 2, 3
            RETURNING survey_id, key, category, value
          )
          INSERT INTO value_totals AS t (survey_id, key, category, total, respondents)
            SELECT survey_id, key, category, sum(value::numeric), count(*) FROM added GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            ON CONFLICT (survey_id, key, category) DO UPDATE
              SET total = t.total + excluded.total, respondents = t.respondents + excluded.respondents;
        END IF;
        RETURN NULL;
      END $$`,
      ...statementTriggers("latest_values", "latest_answers", "npskit_latest_values"),
      // The answers stored before this version (recomputed whole, so a rerun is harmless).
      `DELETE FROM value_totals`,
      `DELETE FROM latest_values`,
      `DELETE FROM latest_answers`,
      latestOf("responses r"),
      // Statistics for the new tables (the embedded database never gathers them by itself).
      `ANALYZE`,
    ],
  },
  {
    // The same latest answers, values and totals, kept by one trigger on the responses instead of
    // a second layer of triggers on `latest_answers`: a write's new answers upsert their latest
    // answers and move their values and totals in one statement (an import paid twice as much for
    // the second layer, most of it spent re-reading what the first had just written).
    version: 5,
    name: "latest answers in one pass",
    statements: [
      // Respondents whose latest answers a bulk write (an import) left to refresh in one go.
      `CREATE TABLE IF NOT EXISTS latest_pending (respondent text PRIMARY KEY)`,
      ...triggerNames("latest_values").map((name) => `DROP TRIGGER IF EXISTS ${name} ON latest_answers`),
      `DROP FUNCTION IF EXISTS npskit_latest_values()`,
      latestAnswersFunction(ALL_NUMBERS),
      // The pending respondents' latest answers, values and totals recomputed from their stored
      // answers (all surveys at once); returns how many respondents it refreshed. Writes of the
      // kept answers by others wait meanwhile, so none slips between the delete and the insert.
      refreshLatestFunction(ALL_NUMBERS),
    ],
  },
  {
    // Values kept ranked for the report's value attributes only (RANKED_VALUE_KEYS), not every
    // numeric attribute: half the rows and index entries to keep, per write and per import, where
    // answers carry other numbers too (seats, age…). Another key's value is read in one pass over
    // the latest answers (one row per respondent, aggregates.ts `respondents`).
    version: 6,
    name: "ranked values of the value attributes",
    statements: [
      latestAnswersFunction(RANKED_NUMBERS),
      refreshLatestFunction(RANKED_NUMBERS),
      `DELETE FROM latest_values WHERE key NOT IN (${sqlList(RANKED_VALUE_KEYS)})`,
      `DELETE FROM value_totals WHERE key NOT IN (${sqlList(RANKED_VALUE_KEYS)})`,
    ],
  },
  {
    // The latest answers' index for "detractors without a value, the most recent first" keeps the
    // detractors only, without the category column (that read names the category): writes of
    // other answers no longer touch it, and it is built in a fraction of the time (fewer rows, and
    // one low-cardinality text column less for every comparison of its sort to walk past).
    version: 7,
    name: "an index of the detractors' latest answers",
    statements: [
      `CREATE INDEX IF NOT EXISTS latest_answers_detractors ON latest_answers
        (survey_id, created_at DESC, respondent COLLATE "C") WHERE category = 'detractor'`,
      `DROP INDEX IF EXISTS latest_answers_recent`,
    ],
  },
  {
    // Indexes led by a number (index-numbers.ts) instead of texts that many rows share: every
    // comparison of a build's sort walked past them, mostly equal (a 1M bulk load builds these three
    // in about half the time). The reads compare the texts too; the ranked values' index includes
    // them, to compare them there.
    version: 8,
    name: "indexes led by numbers",
    statements: [
      `CREATE INDEX IF NOT EXISTS latest_values_by_value ON latest_values
        (${VALUE_GROUP}, value DESC, created_at DESC, respondent COLLATE "C") INCLUDE (survey_id, key, category)`,
      `DROP INDEX IF EXISTS latest_values_ranked`,
      `CREATE INDEX IF NOT EXISTS responses_by_survey ON responses (${textHash("survey_id")}, created_at, id)`,
      `DROP INDEX IF EXISTS responses_survey_created_id`,
      `CREATE INDEX IF NOT EXISTS responses_by_category ON responses (${textHash("category")}, updated_at)`,
      `DROP INDEX IF EXISTS responses_category_updated`,
      // That a number follows from its text: a read names both, which the planner would otherwise
      // take for independent conditions, expecting a fraction of the rows (and picking worse plans).
      // Not for the ranked values: their reads pick the index anyway (checked at 1M), and gathering
      // that dependency of four columns would add ≈ 0.35 s to the statistics of a 1M bulk load.
      `CREATE STATISTICS IF NOT EXISTS responses_survey_number (dependencies)
        ON survey_id, (${textHash("survey_id")}) FROM responses`,
      `CREATE STATISTICS IF NOT EXISTS responses_category_number (dependencies)
        ON category, (${textHash("category")}) FROM responses`,
      // Statistics of the numbers and of those dependencies, which only ANALYZE gathers.
      `ANALYZE responses, latest_values`,
    ],
  },
];

/** Brings the schema up to date; returns the versions it applied. */
export async function migrate(db: Db): Promise<number[]> {
  await db.query(`CREATE TABLE IF NOT EXISTS npskit_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const { rows } = await db.query<{ version: number }>("SELECT version FROM npskit_migrations");
  const done = new Set(rows.map((r) => r.version));
  const applied: number[] = [];
  for (const migration of MIGRATIONS) {
    if (done.has(migration.version)) continue;
    for (const statement of migration.statements) await db.query(statement);
    await db.query("INSERT INTO npskit_migrations (version, name) VALUES ($1, $2) ON CONFLICT (version) DO NOTHING", [
      migration.version,
      migration.name,
    ]);
    applied.push(migration.version);
  }
  // An import that stopped half way left respondents to refresh.
  await refreshLatest(db);
  return applied;
}

/**
 * Brings the latest answers of the respondents a bulk write deferred (see `saveResponses`'
 * `deferLatest`) up to date, in one transaction; resolves with how many it refreshed.
 */
export async function refreshLatest(db: Db): Promise<number> {
  const { rows } = await db.query<{ refreshed: number }>("SELECT npskit_refresh_latest() AS refreshed");
  return rows[0]?.refreshed ?? 0;
}
