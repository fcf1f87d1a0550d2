// The complete config validator for Node, the CLI and bundler users: zod checks the structure.
import * as z from "zod/mini";
import { configSchema } from "./config-schema.js";
import {
  diagnose,
  problem,
  schemaAt,
  unionMessage,
  valueAt,
  type Issue,
  type PathSegment,
  type SchemaNode,
} from "./config-messages.js";
import { finishValidation, splitTransport, type ValidationResult } from "./config-validation.js";

let jsonSchema: SchemaNode | undefined;

/** The JSON Schema of the config, generated from the zod schema (config.schema.json is this). */
export function configJsonSchema(): SchemaNode & Record<string, unknown> {
  return z.toJSONSchema(configSchema, { io: "input", target: "draft-2020-12" }) as SchemaNode & Record<string, unknown>;
}

/**
 * Check a config (parsed JSON, or an object passed to init with an optional transport function).
 * Reports every problem with its path, warns about unknown keys, and applies the defaults.
 */
export function validateConfig(input: unknown): ValidationResult {
  jsonSchema ??= configJsonSchema();
  const split = splitTransport(input);
  const parsed = configSchema.safeParse(split.json);
  const structural = parsed.success ? [] : parsed.error.issues.map((i) => issueProblem(jsonSchema!, split.json, i));
  return finishValidation(jsonSchema, split, structural, parsed.success ? parsed.data : undefined);
}

/** Word a zod issue from the schema node at its path (the same words whichever zod check failed). */
function issueProblem(schema: SchemaNode, input: unknown, issue: z.core.$ZodIssue): Issue {
  const path = issue.path.filter((s): s is PathSegment => typeof s !== "symbol");
  const node = schemaAt(schema, path);
  const value = valueAt(input, path);
  const message = node?.anyOf && value !== undefined ? unionMessage(node, value) : node && diagnose(node, value);
  return problem(path, message ?? issue.message);
}
