export * from "./kinds.js";
export * from "./clock.js";
export type { KeyValueStorage } from "./storage.js";
export { responseSchema, type SurveyResponse } from "./response.js";
