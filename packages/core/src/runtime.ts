// @npskit/core/runtime: what runs in the page (engine, targeting, sampling, throttling, per-user
// state, storage, the production config guard, JSON text), without zod. The browser, client and
// widget import from here, so a bundler never even parses the validator behind the public index
// (zod's annotations would warn in every consumer build); validateConfig and the CLI stay there.
export * from "./kinds.js";
export * from "./clock.js";
export type { KeyValueStorage } from "./storage.js";
export type { SurveyResponse } from "./response.js";
export {
  shownResponse,
  scoredResponse,
  rescoredResponse,
  completedResponse,
  dismissedResponse,
  type Respondent,
  type Sender,
} from "./response-builder.js";
export * from "./config-constants.js";
export type {
  NpsKitConfig,
  NpsKitConfigInput,
  SurveyConfig,
  ThemeConfig,
  AudienceConfig,
  TriggerConfig,
  AttributeCondition,
  SurveyThrottle,
  Transport,
} from "./config-schema.js";
export { guardConfig, type GuardResult } from "./config-guard.js";
export { toEpochMs } from "./dates.js";
export { toJson } from "./json.js";
export * from "./wire-limits.js";
export {
  createStorage,
  memoryStorage,
  localStorageBackend,
  indexedDbBackend,
  fallbackStorage,
  type BackendName,
  type NamedStorage,
  type FallbackStorage,
  type FallbackOptions,
} from "./storage-backends.js";
export type { Check, CheckCode } from "./checks.js";
export { reasonOf, type Finding } from "./reasons.js";
export {
  checkTrigger,
  checkUrl,
  checkDevice,
  checkLocale,
  checkAttributes,
  checkSchedule,
  conditionHolds,
  globToRegExp,
  urlMatches,
  deviceClassOf,
  localeMatches,
  type Attributes,
  type TargetingContext,
  type TargetingEvent,
} from "./targeting.js";
export { hash32, sampleBucket, checkSample } from "./sampling.js";
export { throttleChecks, throttleClearsAt, type SurveyHistory, type ThrottleState } from "./throttle.js";
export {
  loadUserState,
  newUserState,
  identifyState,
  withAttributes,
  recordOutcome,
  sanitizeState,
  randomId,
  userKeyOf,
  USER_STATE_KEY,
  type UserState,
  type UserStateStore,
  type UserStateOptions,
  type SurveyOutcome,
} from "./user-state.js";
export {
  decide,
  explain,
  pickSurvey,
  type Decision,
  type Explanation,
  type EngineContext,
  type EngineConfig,
} from "./engine.js";
