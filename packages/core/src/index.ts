// @npskit/core's public API. Every module is free of top-level side effects, so a bundle keeps only
// what it uses: the browser loader's imports (targeting, sampling, throttle, user state, engine,
// storage, guardConfig) never pull in zod; validateConfig and the CLI do.
// Everything the page runs (zod-free), then the validator, the schemas and the planning tools.
export * from "./runtime.js";
export { responseSchema, STATUSES, type ResponseStatus } from "./response.js";
export {
  configSchema,
  surveySchema,
  themeSchema,
  audienceSchema,
  triggerSchema,
  attributeConditionSchema,
  surveyThrottleSchema,
} from "./config-schema.js";
export type { ConfigProblem, SchemaNode } from "./config-messages.js";
export type { ValidationResult } from "./config-validation.js";
export { validateConfig, configJsonSchema } from "./validate-config.js";
export {
  simulate,
  SIMULATED_TRAFFIC,
  type SimulateOptions,
  type Simulation,
  type SurveySimulation,
} from "./simulate.js";
export {
  forecast,
  npsMarginOfError,
  answersForMargin,
  observedRatesFromSummary,
  type ObservedRates,
  type Forecast,
  type ForecastOptions,
  type SurveyForecast,
} from "./forecast.js";
