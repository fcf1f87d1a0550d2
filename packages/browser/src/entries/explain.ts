// Entry of dist/npskit-explain.js (an ES module chunk the loader imports on the first explain(), or
// show() of an unknown id): explain()'s answer in words, which a page view that only decides never
// downloads.
export { explainSurvey } from "../runtime/explanation.js";
