// The steps around the validator's structural check (zod): take the transport function out of
// the JSON part, apply the cross-field rules, collect warnings, shape the result.
import { childSchema, problem, type ConfigProblem, type Issue, type Path, type SchemaNode } from "./config-messages.js";
import { configRuleProblems } from "./config-rules.js";
import { unknownKeyWarnings } from "./config-warnings.js";
import type { NpsKitConfig, Transport } from "./config-schema.js";

export type ValidationResult =
  | { ok: true; config: NpsKitConfig; warnings: ConfigProblem[] }
  | { ok: false; problems: ConfigProblem[]; warnings: ConfigProblem[] };

export interface SplitInput {
  /** The input without `transport`: what the JSON schema checks. */
  json: unknown;
  transport?: Transport;
  problems: Issue[];
}

/** Functions cannot be in JSON: a transport is only accepted from code, and checked here. */
export function splitTransport(input: unknown): SplitInput {
  if (input === null || typeof input !== "object" || !("transport" in input)) return { json: input, problems: [] };
  const { transport, ...json } = input as { transport: unknown };
  if (typeof transport === "function") return { json, transport: transport as Transport, problems: [] };
  return {
    json,
    problems: [problem(["transport"], "must be a function (a transport can only be passed in code, not in JSON)")],
  };
}

/**
 * Combine the structural problems (from zod) with the rules' problems,
 * one per path, and the warnings. `output` is the parsed config when the structure was valid.
 */
export function finishValidation(
  schema: SchemaNode,
  split: SplitInput,
  structural: Issue[],
  output: Omit<NpsKitConfig, "transport"> | undefined,
): ValidationResult {
  // The rules read the raw input: they must see keys the parse drops (e.g. a followUp typo).
  const rules = configRuleProblems(split.json, { hasTransport: split.transport !== undefined });
  const problems = inSchemaOrder(schema, onePerPath([...split.problems, ...structural, ...rules]));
  const paths = new Set(problems.map((p) => p.path));
  const warnings = [...unknownKeyWarnings(schema, split.json), ...usageWarnings(output)]
    .filter((w) => !paths.has(w.path))
    .map(plain);
  if (problems.length > 0 || !output) return { ok: false, problems: problems.map(plain), warnings };
  const config: NpsKitConfig = split.transport ? { ...output, transport: split.transport } : output;
  return { ok: true, config, warnings };
}

/** Where a path sits in the config as it reads: field positions in the schema, list indexes. */
function readingOrder(schema: SchemaNode, at: Path): number[] {
  let node: SchemaNode | undefined = schema;
  return at.map((seg) => {
    const names = Object.keys(node?.properties ?? {});
    node = childSchema(node, seg);
    if (typeof seg === "number") return seg;
    const index = names.indexOf(seg);
    return index < 0 ? names.length : index; // unknown keys (e.g. followUp typos) after known ones
  });
}

function inSchemaOrder(schema: SchemaNode, problems: Issue[]): Issue[] {
  const compare = (a: number[], b: number[]): number => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return a.length - b.length;
  };
  return problems
    .map((p) => ({ p, order: readingOrder(schema, p.at) }))
    .sort((a, b) => compare(a.order, b.order))
    .map((x) => x.p);
}

const plain = ({ path, message }: Issue): ConfigProblem => ({ path, message });

function onePerPath(problems: Issue[]): Issue[] {
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(p.path) && !!seen.add(p.path));
}

/** Valid but probably not what was meant. */
function usageWarnings(config: Omit<NpsKitConfig, "transport"> | undefined): Issue[] {
  if (!config) return [];
  const out: Issue[] = [];
  if (config.surveys.length === 0 && !config.configUrl)
    out.push(problem(["surveys"], "is empty: no survey will be shown"));
  config.surveys.forEach((s, i) => {
    if (s.audience.sample === 0)
      out.push(problem(["surveys", i, "audience", "sample"], "is 0: nobody will see this survey"));
  });
  return out;
}
