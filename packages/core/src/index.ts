// @npskit/core's public API. Every module is free of top-level side effects, so a bundle keeps only
// what it uses: the browser loader's imports (targeting, sampling, throttle, user state, engine,
// storage, guardConfig) never pull in zod; validateConfig and the CLI do.
export * from "./kinds.js";
export * from "./clock.js";
export type { KeyValueStorage } from "./storage.js";
export { responseSchema, STATUSES, type ResponseStatus, type SurveyResponse } from "./response.js";
export {
  MAX_ATTRIBUTES, MAX_ATTRIBUTE_NAME, MAX_ATTRIBUTE_TEXT, ANSWER_TIME_WINDOW, wireAttributes, type WireAttributes,
} from "./wire-limits.js";

export * from "./config-constants.js";
export {
  configSchema, surveySchema, themeSchema, audienceSchema, triggerSchema, attributeConditionSchema, surveyThrottleSchema,
  type NpsKitConfig, type NpsKitConfigInput, type SurveyConfig, type ThemeConfig, type AudienceConfig,
  type TriggerConfig, type AttributeCondition, type SurveyThrottle, type Transport,
} from "./config-schema.js";
export type { ConfigProblem, SchemaNode } from "./config-messages.js";
export type { ValidationResult } from "./config-validation.js";
export { validateConfig, configJsonSchema } from "./validate-config.js";
export { guardConfig, type GuardResult } from "./config-guard.js";
export { toEpochMs } from "./dates.js";
export { toJson } from "./json.js";
export {
  createStorage, memoryStorage, localStorageBackend, indexedDbBackend, fallbackStorage,
  type BackendName, type NamedStorage, type FallbackStorage, type FallbackOptions,
} from "./storage-backends.js";
export type { Check, CheckCode } from "./checks.js";
export {
  checkTrigger, checkUrl, checkDevice, checkLocale, checkAttributes, checkSchedule, conditionHolds,
  globToRegExp, urlMatches, deviceClassOf, localeMatches,
  type Attributes, type TargetingContext, type TargetingEvent,
} from "./targeting.js";
export { hash32, sampleBucket, checkSample } from "./sampling.js";
export { throttleChecks, throttleClearsAt, type SurveyHistory, type ThrottleState } from "./throttle.js";
export {
  loadUserState, newUserState, identifyState, withAttributes, recordOutcome, sanitizeState, randomId, userKeyOf,
  USER_STATE_KEY, type UserState, type UserStateStore, type UserStateOptions, type SurveyOutcome,
} from "./user-state.js";
export { decide, explain, pickSurvey, surveyChecks, type Decision, type Explanation, type EngineContext, type EngineConfig } from "./engine.js";
export { simulate, SIMULATED_TRAFFIC, type SimulateOptions, type Simulation, type SurveySimulation } from "./simulate.js";
export {
  forecast, npsMarginOfError, answersForMargin, observedRatesFromSummary,
  type ObservedRates, type Forecast, type ForecastOptions, type SurveyForecast,
} from "./forecast.js";
