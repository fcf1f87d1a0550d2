import { describe, expect, it } from "vitest";
import { groupBy } from "./group.js";

describe("groupBy", () => {
  it("groups items by key in first-seen order, keeping each group's order", () => {
    const groups = groupBy(["bb", "a", "cc", "d", "eee"], (s) => s.length);
    expect([...groups]).toEqual([
      [2, ["bb", "cc"]],
      [1, ["a", "d"]],
      [3, ["eee"]],
    ]);
  });

  it("leaves out items without a key", () => {
    expect([...groupBy([1, 2, 3, 4], (n) => (n % 2 ? undefined : "even"))]).toEqual([["even", [2, 4]]]);
  });
});
