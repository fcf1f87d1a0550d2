// Unknown keys are not errors (a newer config may meet an older SDK) but usually are typos:
// warn, name the key, and suggest the closest known one.
import { childSchema, problem, type Issue, type Path, type SchemaNode } from "./config-messages.js";

/** Edit distance (Levenshtein, with adjacent swaps counting as one edit). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The known word `word` was most likely meant to be, if any is close enough. */
export function closest(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

export function unknownKeyMessage(
  key: string,
  known: readonly string[],
  lead = "is not a known option and is ignored",
): string {
  const guess = closest(key, known);
  const hint = guess ? `did you mean "${guess}"?` : `known: ${known.join(", ")}`;
  return `${lead} (${hint})`;
}

/** One warning per key of `input` that the schema does not know, at any depth. */
export function unknownKeyWarnings(node: SchemaNode, input: unknown, path: Path = []): Issue[] {
  if (input === null || typeof input !== "object") return [];
  if (Array.isArray(input)) {
    return node.items ? input.flatMap((item, i) => unknownKeyWarnings(node.items!, item, [...path, i])) : [];
  }
  const out: Issue[] = [];
  const known = Object.keys(node.properties ?? {});
  for (const [key, value] of Object.entries(input)) {
    const child = childSchema(node, key);
    if (child) out.push(...unknownKeyWarnings(child, value, [...path, key]));
    else if (node.properties) out.push(problem([...path, key], unknownKeyMessage(key, known)));
  }
  return out;
}
