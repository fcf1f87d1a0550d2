// @npskit/core's public API, for Node tools, backends and dashboards: config validation with its
// schemas and types, survey kinds and scales, the wire format (schema, types, limits), storage for
// @npskit/client, and the planning tools (simulate, forecast).
// What runs in the page (engine, targeting, sampling, throttling, per-user state, the production
// config guard, response building) is `@npskit/core/runtime` (runtime.ts): internal to npskit's
// own packages, zod-free, with no semver promise. Every module is free of top-level side effects,
// so a bundle keeps only what it uses.
export { KINDS, CATEGORIES, SCALES, categoryOf, isValidScore, type SurveyKind, type Category } from "./kinds.js";
export { DEVICES, type DeviceClass } from "./config-constants.js";
export {
  configSchema,
  surveySchema,
  themeSchema,
  audienceSchema,
  triggerSchema,
  attributeConditionSchema,
  surveyThrottleSchema,
  type NpsKitConfig,
  type NpsKitConfigInput,
  type SurveyConfig,
  type ThemeConfig,
  type AudienceConfig,
  type TriggerConfig,
  type AttributeCondition,
  type SurveyThrottle,
  type Transport,
} from "./config-schema.js";
export type { ConfigProblem, SchemaNode } from "./config-messages.js";
export type { ValidationResult } from "./config-validation.js";
export { validateConfig, configJsonSchema } from "./validate-config.js";
export { responseSchema, STATUSES, type ResponseStatus, type SurveyResponse } from "./response.js";
export * from "./wire-limits.js";
export type { KeyValueStorage } from "./storage.js";
export { createStorage, memoryStorage, type BackendName, type NamedStorage } from "./storage-backends.js";
export type { CheckCode } from "./checks.js";
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
