// CONTRACT.md §3 lists every config field: this keeps that table and the schema the same.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { SchemaNode } from "./config-messages.js";
import { configJsonSchema } from "./validate-config.js";

/** Every field path of the schema, e.g. `surveys[].audience.sample`: objects and list items. */
function fieldsOf(node: SchemaNode, prefix = ""): string[] {
  if (node.items) return fieldsOf(node.items, `${prefix}[]`);
  return Object.entries(node.properties ?? {}).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...fieldsOf(child, path)];
  });
}

/** The first column of the field table in CONTRACT.md §3. */
function contractFields(): string[] {
  const contract = readFileSync(new URL("../../../docs/CONTRACT.md", import.meta.url), "utf8");
  const section = contract.slice(contract.indexOf("\n## 3."), contract.indexOf("\n## 4."));
  return [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!);
}

describe("CONTRACT.md §3", () => {
  it("lists every config field the schema accepts, and no other (plus the code-only transport)", () => {
    const listed = contractFields();
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual([...fieldsOf(configJsonSchema()), "transport"].sort());
  });
});
