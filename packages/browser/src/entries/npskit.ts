// Entry of dist/npskit.js (IIFE), the production build: the config is checked by the guard
// (config/production-check.ts), so no validator is downloaded on a page view.
import { guardedConfig } from "../config/production-check.js";
import { install } from "../sdk/install.js";

install(guardedConfig);
