// Entry of dist/npskit.dev.js (IIFE), the development build: the same SDK, checking its config
// with the full validator (every problem by path, warnings for unknown keys). Same chunks as npskit.js.
import { validatedConfig } from "../config/development-check.js";
import { install } from "../sdk/install.js";

install(validatedConfig);
