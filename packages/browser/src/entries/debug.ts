// Entry of dist/npskit-debug.js (an ES module chunk): the words of npskit, which a page view that
// only decides never downloads: debug mode's console messages and explain()'s reasons.
export { createDebugLog } from "../runtime/debug-log.js";
export { explainSurvey } from "../runtime/explanation.js";
