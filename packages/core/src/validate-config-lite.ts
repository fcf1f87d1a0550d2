// The browser's config validator: a small interpreter of the JSON Schema generated from the zod
// schema (config-schema.generated.ts), plus the shared cross-field rules. It reports the same
// paths and messages as validateConfig and applies the same defaults, at a fraction of the bytes.
import { diagnose, own, problem, unionMessage, type Issue, type Path, type SchemaNode } from "./config-messages.js";
import { finishValidation, splitTransport, type ValidationResult } from "./config-validation.js";
import { CONFIG_SCHEMA } from "./config-schema.generated.js";
import type { NpsKitConfig } from "./config-schema.js";
import { jsonCopy, type Dict } from "./values.js";


/** Same contract as validateConfig, without zod. */
export function validateConfigLite(input: unknown): ValidationResult {
  const split = splitTransport(input);
  const problems: Issue[] = [];
  const output = walk(CONFIG_SCHEMA, split.json, [], problems);
  return finishValidation(CONFIG_SCHEMA, split, problems, problems.length ? undefined : (output as Omit<NpsKitConfig, "transport">));
}

/** Check `value` against `node`, returning it with defaults applied and unknown keys dropped. */
function walk(node: SchemaNode, value: unknown, path: Path, problems: Issue[]): unknown {
  // Defaults are copied and then checked, so nested defaults apply too.
  if (value === undefined) value = jsonCopy(node.default);
  if (value === undefined) return undefined;
  if (node.anyOf) {
    for (const branch of node.anyOf) {
      const branchProblems: Issue[] = [];
      const out = walk(branch, value, path, branchProblems);
      if (branchProblems.length === 0) return out;
    }
    problems.push(problem(path, unionMessage(node, value)));
    return value;
  }
  const message = diagnose(node, value);
  if (message) {
    problems.push(problem(path, message));
    return value;
  }
  if (Array.isArray(value)) return node.items ? value.map((v, i) => walk(node.items!, v, [...path, i], problems)) : value;
  if (node.type === "object") return walkObject(node, value as Dict, path, problems);
  return value;
}

function walkObject(node: SchemaNode, value: Dict, path: Path, problems: Issue[]): Dict {
  const out: Dict = {};
  const properties = node.properties ?? {};
  for (const [key, child] of Object.entries(properties)) {
    const v = walk(child, value[key], [...path, key], problems);
    if (v !== undefined) out[key] = v;
    else if (node.required?.includes(key)) problems.push(problem([...path, key], "is required"));
  }
  const extra = node.additionalProperties;
  if (typeof extra === "object") {
    for (const key of Object.keys(value)) if (own(properties, key) === undefined) out[key] = walk(extra, value[key], [...path, key], problems);
  }
  return out;
}
