// Entry of dist/npskit-send.js (an ES module chunk the loader imports to deliver responses).
export { createClient } from "@npskit/client";
