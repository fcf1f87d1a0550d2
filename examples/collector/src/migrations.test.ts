import { describe, expect, it } from "vitest";
import { VALUE_ATTRIBUTES } from "./aggregates.js";
import { RANKED_VALUE_KEYS } from "./migrations.js";

describe("migrations", () => {
  it("keep ranked the values of exactly the report's value attributes (another list needs a new migration)", () => {
    expect(RANKED_VALUE_KEYS).toEqual(VALUE_ATTRIBUTES);
  });
});
