// Renders the generated artifacts from the zod schema: config.schema.json (for editors and
// backends) and the compact copy the lite validator interprets. Run by
// `node packages/core/scripts/gen-json-schema.mjs`; a unit test fails when they are stale.
import { configJsonSchema } from "./validate-config.js";
import type { SchemaNode } from "./config-messages.js";

/** Keywords the lite validator reads; everything else is dropped from its copy. */
const LITE_KEYWORDS: ReadonlyArray<keyof SchemaNode> = [
  "type", "const", "enum", "minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems", "pattern",
  "properties", "required", "additionalProperties", "items", "anyOf", "default", "expected",
];

export function fullJsonSchemaText(): string {
  const schema = { ...configJsonSchema(), title: "npskit config" };
  return JSON.stringify(schema, null, 2) + "\n";
}

function compact(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(compact);
  if (node === null || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "$ref" || key === "$defs") throw new Error("config schema uses $ref; the lite validator cannot follow it");
    if (!LITE_KEYWORDS.includes(key as keyof SchemaNode)) continue;
    // `properties` maps names to schemas; `default`/`const`/`enum` are data: keep them whole.
    out[key] = key === "properties"
      ? Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, compact(v)]))
      : ["default", "const", "enum"].includes(key) ? value : compact(value);
  }
  return out;
}

export function liteSchemaModuleText(): string {
  return [
    "// GENERATED from config-schema.ts by packages/core/scripts/gen-json-schema.mjs. Do not edit.",
    'import type { SchemaNode } from "./config-messages.js";',
    "",
    `export const CONFIG_SCHEMA: SchemaNode = ${JSON.stringify(compact(configJsonSchema()))};`,
    "",
  ].join("\n");
}
