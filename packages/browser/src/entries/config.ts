// Entry of dist/npskit-config.js (an ES module chunk the loader imports when init has a configUrl).
export { loadRemoteConfig } from "../config/remote.js";
