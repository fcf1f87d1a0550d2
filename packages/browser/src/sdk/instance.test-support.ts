// The SDK with the full config validator: every problem by path, and warnings for unknown keys
// (zod, ≈ 18 KB: the development build npskit.dev.js and tests; production entries use the guard).
import type { NpsKit } from "../api.js";
import { validatedConfig } from "../config/development-check.js";
import { createInstance, type InstanceOptions } from "./instance.js";

export type SdkOptions = Omit<InstanceOptions, "check">;

export const createSdk = (options: SdkOptions): NpsKit => createInstance({ ...options, check: validatedConfig });
