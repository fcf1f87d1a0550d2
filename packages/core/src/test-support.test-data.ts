// Builders shared by the engine tests: a survey/config with every default applied, from the schema.
import { validateConfig } from "./validate-config.js";
import type { NpsKitConfig, NpsKitConfigInput, SurveyConfig } from "./config-schema.js";

type SurveyInput = NonNullable<NpsKitConfigInput["surveys"]>[number];

export function configOf(surveys: SurveyInput[], rest: Partial<NpsKitConfigInput> = {}): NpsKitConfig {
  const result = validateConfig({ endpoint: "/collect", ...rest, surveys });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join("\n"));
  return result.config;
}

export const surveyOf = (survey: SurveyInput): SurveyConfig => configOf([survey]).surveys[0]!;

export const NOW = Date.parse("2026-11-25T12:00:00Z");
