import { PGlite } from "@electric-sql/pglite";
const db = new PGlite(process.argv[2]);
const sql = process.argv[3];
const r = await db.query("EXPLAIN (ANALYZE, BUFFERS) " + sql, JSON.parse(process.argv[4] || "[]"));
console.log(r.rows.map((x) => x["QUERY PLAN"]).join("\n"));
await db.close();
