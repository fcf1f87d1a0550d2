import { describe, expect, it } from "vitest";
import { openPglite } from "./db.js";
import { useMigratedDb } from "./db.fixture.js";
import { jsonbArray } from "./jsonb-array.js";

describe("jsonbArray", () => {
  const db = useMigratedDb(() => openPglite());
  const read = async (texts: string[]) =>
    (
      await db.query<{ value: unknown }>(
        "SELECT value FROM unnest($1::jsonb[]) WITH ORDINALITY AS a(value, n) ORDER BY n",
        [jsonbArray(texts)],
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
    expect(await read(values.map((value) => JSON.stringify(value)))).toEqual(values);
  });

  it("hands over an empty list as an empty array", async () => {
    expect(await read([])).toEqual([]);
    const { rows } = await db.query<{ n: number | null }>("SELECT cardinality($1::jsonb[]) AS n", [jsonbArray([])]);
    expect(rows[0]?.n).toBe(0);
  });

  it("is refused by the database when a text is not JSON, as a query parameter would be", async () => {
    await expect(read(['{"id": "a"}', "{not json"])).rejects.toThrow(/json/i);
  });
});
