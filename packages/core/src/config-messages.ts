// What the config validator says: paths like `surveys[0].audience.sample` and messages a product
// manager can act on. Messages are derived from the generated JSON Schema node at the failing
// path, so every problem is worded from the schema, whichever zod check found it.
import { showValue } from "./show.js";

type TypeName = "string" | "number" | "integer" | "boolean" | "object" | "array";

/** The subset of JSON Schema that `z.toJSONSchema(configSchema)` produces. */
export interface SchemaNode {
  /** A list when zod folds a union of primitives, e.g. ["string", "number", "boolean"]. */
  type?: TypeName | readonly TypeName[];
  const?: unknown;
  enum?: readonly unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  properties?: Record<string, SchemaNode>;
  required?: readonly string[];
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
  anyOf?: readonly SchemaNode[];
  default?: unknown;
  /** Plain-words description of a valid value (from the schema's `expected` metadata). */
  expected?: string;
}

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

export interface ConfigProblem {
  /** Where, e.g. `surveys[0].audience.sample` ("config" for the whole object). */
  path: string;
  message: string;
}

export function formatPath(path: Path): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out || "config";
}

/** A problem while validating; `at` (the raw path, for ordering) is dropped from results. */
export interface Issue extends ConfigProblem {
  at: Path;
}

export const problem = (at: Path, message: string): Issue => {
  const path = formatPath(at);
  return { at, path, message: `${path} ${message}` };
};

const TYPE_WORDS: Record<string, string> = {
  string: "text",
  number: "a number",
  integer: "a whole number",
  boolean: "true or false",
  object: "an object ({…})",
  array: "a list ([…])",
};

/** Largest bound still worth saying out loud; zod gives integers ±2^53 bounds by default. */
const SAFE = 2 ** 53 - 1;
const hasMin = (n: number | undefined): n is number => n !== undefined && n > -SAFE;
const hasMax = (n: number | undefined): n is number => n !== undefined && n < SAFE;

function typeMatches(type: SchemaNode["type"], value: unknown): boolean {
  if (Array.isArray(type)) return type.some((t: TypeName) => typeMatches(t, value));
  switch (type) {
    case undefined:
      return true;
    case "string":
      return typeof value === "string";
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "integer":
      return Number.isInteger(value);
    case "boolean":
      return typeof value === "boolean";
    case "array":
      return Array.isArray(value);
    default:
      return typeof value === "object" && value !== null && !Array.isArray(value);
  }
}

/** What a valid value looks like, in words. */
export function expectedOf(node: SchemaNode): string {
  if (node.expected) return node.expected;
  if (node.const !== undefined) return JSON.stringify(node.const);
  if (node.enum) return "one of " + node.enum.map((v) => JSON.stringify(v)).join(", ");
  if (node.anyOf) return node.anyOf.map(expectedOf).join(" or ");
  return typeWords(node.type);
}

function typeWords(type: SchemaNode["type"]): string {
  if (Array.isArray(type)) return type.map((t: TypeName) => TYPE_WORDS[t]).join(" or ");
  return TYPE_WORDS[(type as TypeName | undefined) ?? ""] ?? "a valid value";
}

function rangeMessage(min: number | undefined, max: number | undefined, unit: string, value: number): string {
  const got = `, got ${value}`;
  if (hasMin(min) && hasMax(max)) return `must be between ${min} and ${max}${unit}${got}`;
  if (hasMin(min)) return `must be at least ${min}${unit}${got}`;
  return `must be at most ${max}${unit}${got}`;
}

/**
 * The problem with `value` against this node's own keywords (not its children), as the tail of a
 * message ("must be between 0 and 1, got 2"), or undefined when the node accepts it.
 */
export function diagnose(node: SchemaNode, value: unknown): string | undefined {
  // Only when there is a problem: rendering every value checked would stringify the config
  // once per level of nesting.
  const got = () => `, got ${showValue(value)}`;
  if (value === undefined) return "is required";
  if (!typeMatches(node.type, value)) return `must be ${node.expected ?? typeWords(node.type)}${got()}`;
  if (node.const !== undefined && value !== node.const) return `must be ${expectedOf(node)}${got()}`;
  if (node.enum && !node.enum.includes(value)) return `must be ${expectedOf(node)}${got()}`;
  if (typeof value === "number") {
    const { minimum: min, maximum: max } = node;
    if ((hasMin(min) && value < min) || (hasMax(max) && value > max)) return rangeMessage(min, max, "", value);
  }
  if (typeof value === "string") {
    if (node.minLength !== undefined && value.length < node.minLength) return "must not be empty";
    if (node.maxLength !== undefined && value.length > node.maxLength) {
      return `must be at most ${node.maxLength} characters long, got ${value.length}`;
    }
    if (node.pattern !== undefined && !new RegExp(node.pattern).test(value))
      return `must be ${expectedOf(node)}${got()}`;
  }
  if (Array.isArray(value)) {
    if (node.minItems !== undefined && value.length < node.minItems) {
      return node.minItems === 1
        ? "must list at least one item (or be left out)"
        : `must list at least ${node.minItems} items`;
    }
    if (node.maxItems !== undefined && value.length > node.maxItems)
      return `must list at most ${node.maxItems} items, got ${value.length}`;
  }
  return undefined;
}

/** The message for a value that matches none of a union's branches. */
export const unionMessage = (node: SchemaNode, value: unknown) =>
  `must be ${expectedOf(node)}, got ${showValue(value)}`;

/** `obj[key]` only when it is the object's own (a key named "constructor" is not a schema). */
export function own<T>(obj: Record<string, T> | undefined, key: string): T | undefined {
  return obj && Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

/** One step down the schema: a list's items, a property, or a record's schema for any other key. */
export function childSchema(node: SchemaNode | undefined, seg: PathSegment): SchemaNode | undefined {
  if (typeof seg === "number") return node?.items;
  const extra = node?.additionalProperties;
  return own(node?.properties, seg) ?? (typeof extra === "object" ? extra : undefined);
}

/** The schema of the value at `path`, following properties, records and list items. */
export function schemaAt(root: SchemaNode, path: Path): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (const seg of path) node = childSchema(node, seg);
  return node;
}

export function valueAt(input: unknown, path: Path): unknown {
  let v = input;
  for (const seg of path)
    v = v !== null && typeof v === "object" ? (v as Record<PathSegment, unknown>)[seg] : undefined;
  return v;
}
