import { expect, test } from "vitest";
import { VERSION } from "./version.js";
import manifest from "../package.json" with { type: "json" };

test("the SDK version matches package.json", () => {
  expect(VERSION).toBe(manifest.version);
});
