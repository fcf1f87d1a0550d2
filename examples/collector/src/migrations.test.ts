import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { VALUE_ATTRIBUTES } from "./aggregates.js";
import { MIGRATIONS, RANKED_VALUE_KEYS } from "./migrations.js";

describe("migrations", () => {
  it("keep ranked the values of exactly the report's value attributes (another list needs a new migration)", () => {
    expect(RANKED_VALUE_KEYS).toEqual(VALUE_ATTRIBUTES);
  });

  it("stay as released: a store that applied one never runs it again, so a change needs a new migration", () => {
    const fingerprints = MIGRATIONS.map(({ version, statements }) => [
      version,
      createHash("sha256").update(JSON.stringify(statements)).digest("hex").slice(0, 16),
    ]);
    expect(fingerprints).toEqual([
      [1, "1d238c6866ac3274"],
      [2, "5927ebec631b25fc"],
      [3, "c20e5061469e48ea"],
      [4, "65c83e0086f3f032"],
      [5, "70847810bca5fdb3"],
      [6, "edc254951bb6fe90"],
      [7, "db076a7a170f885f"],
      [8, "d39fb5c2da3150ca"],
    ]);
  });
});
