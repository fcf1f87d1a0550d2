export { mountSurvey } from "./mount.js";
export type { MountOptions, SurveyHandle, WidgetSurvey, WidgetTheme } from "./types.js";
