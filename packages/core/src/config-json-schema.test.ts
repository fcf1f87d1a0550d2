import { describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { fullJsonSchemaText } from "./config-json-schema.js";

const files = {
  json: fileURLToPath(new URL("../config.schema.json", import.meta.url)),
};

// `node packages/core/scripts/gen-json-schema.mjs` runs this file with NPSKIT_WRITE_SCHEMA=1.
if (process.env.NPSKIT_WRITE_SCHEMA === "1") {
  writeFileSync(files.json, fullJsonSchemaText());
}

describe("generated JSON Schema", () => {
  it("config.schema.json matches the zod schema (regenerate: node packages/core/scripts/gen-json-schema.mjs)", () => {
    expect(readFileSync(files.json, "utf8")).toBe(fullJsonSchemaText());
  });

  it("describes the documented defaults", () => {
    const schema = JSON.parse(fullJsonSchemaText());
    const survey = schema.properties.surveys.items;
    expect(survey.properties.throttle.properties.afterAnswerDays.default).toBe(90);
    expect(survey.properties.throttle.properties.afterDismissDays.default).toBe(14);
    expect(schema.properties.globalThrottle.properties.minDaysBetweenSurveys.default).toBe(7);
    expect(survey.properties.audience.properties.sample).toMatchObject({ default: 1, minimum: 0, maximum: 1 });
  });
});
