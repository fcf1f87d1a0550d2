// Entry of dist/npskit.js (IIFE), the production build: the config is checked by the guard
// (config.ts), so no validator is downloaded on a page view.
import { guardedConfig } from "./config.js";
import { install } from "./install.js";

install(guardedConfig);
