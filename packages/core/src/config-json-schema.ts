// Renders config.schema.json (for editors and backends) from the zod schema. Run by
// `node packages/core/scripts/gen-json-schema.mjs`; a unit test fails when it is stale.
import { configJsonSchema } from "./validate-config.js";

export function fullJsonSchemaText(): string {
  const schema = { ...configJsonSchema(), title: "npskit config" };
  return JSON.stringify(schema, null, 2) + "\n";
}
