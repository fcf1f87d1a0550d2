import { PGlite } from "@electric-sql/pglite";
const db = new PGlite(process.argv[2]);
await db.waitReady;
const t = async (label, sql, params = []) => { const s = performance.now(); const r = await db.query(sql, params); console.log(label, Math.round(performance.now() - s), "ms", JSON.stringify(r.rows.slice(0, 2))); return r; };
for (const [l, q] of Object.entries(JSON.parse(process.argv[3]))) await t(l, q);
await db.close();
