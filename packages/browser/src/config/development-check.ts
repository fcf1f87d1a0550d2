// The development build's config check: the complete validator from core (zod), with every
// problem by path and a warning for each unknown key. Production page views use the guard (production-check.ts).
import { validateConfig } from "@npskit/core";
import type { LoadedConfig } from "./remote.js";

export function validatedConfig(input: unknown): LoadedConfig {
  const result = validateConfig(input);
  const warnings = result.warnings.map((w) => w.message);
  return result.ok ? { config: result.config, warnings } : { problems: result.problems.map((p) => p.message) };
}
