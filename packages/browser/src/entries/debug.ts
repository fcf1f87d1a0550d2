// Entry of dist/npskit-debug.js (an ES module chunk the loader imports only in debug mode).
export { createDebugLog } from "../runtime/debug-log.js";
