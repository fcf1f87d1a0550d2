import type { Db } from "./db.js";

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
  return applied;
}
