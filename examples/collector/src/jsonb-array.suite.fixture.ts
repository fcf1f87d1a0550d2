// How every database reads jsonbArray's parameter, run against PGlite and a PostgreSQL server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "./db.js";
import { jsonbArray } from "./jsonb-array.js";

export function describeJsonbArray(name: string, open: () => Promise<Db>): void {
  describe(`jsonbArray on ${name}`, () => {
    let db: Db;
    beforeAll(async () => {
      db = await open();
    }, 120_000);
    afterAll(() => db.close());
    const read = async (parameter: Uint8Array) =>
      (
        await db.query<{ value: unknown }>(
          "SELECT value FROM unnest($1::jsonb[]) WITH ORDINALITY AS a(value, n) ORDER BY n",
          [parameter],
        )
      ).rows.map((row) => row.value);

    it("hands the database each JSON text as one jsonb element, in order", async () => {
      const values = [
        { id: "a", comment: 'Quotes " and \\ backslashes, commas, {braces}' },
        { id: "b", comment: "Ünïcödé, 日本語 and an emoji 🎉 (four bytes in UTF-8)" },
        [1, 2.5, null, true],
        "text alone",
        0,
      ];
      const parameter = jsonbArray(values.map((value) => JSON.stringify(value)));
      expect(await read(parameter)).toEqual(values);
      // As the main thread receives it from the import's reader: a plain byte array, no Buffer.
      expect(await read(new Uint8Array(parameter))).toEqual(values);
    });

    it("hands over an empty list as an empty array", async () => {
      expect(await read(jsonbArray([]))).toEqual([]);
      const { rows } = await db.query<{ n: number | null }>("SELECT cardinality($1::jsonb[]) AS n", [jsonbArray([])]);
      expect(rows[0]?.n).toBe(0);
    });

    it("is refused by the database when a text is not JSON, as a query parameter would be", async () => {
      await expect(read(jsonbArray(['{"id": "a"}', "{not json"]))).rejects.toThrow(/json/i);
    });
  });
}
