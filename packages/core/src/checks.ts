// One evaluated rule of the engine: whether it passes, and its finding (a phrase and the values it
// needs), which reasons.ts turns into words a person reads when someone asks (explain, debug, CLI).
import type { Finding } from "./reasons.js";

export type CheckCode =
  | "trigger"
  | "url"
  | "device"
  | "locale"
  | "attributes"
  | "schedule"
  | "sample"
  | "answered"
  | "dismissed"
  | "maxDisplays"
  | "global"
  | "visible"
  | "config";

export interface Check {
  code: CheckCode;
  ok: boolean;
  finding: Finding;
  /** When a failing check stops failing by itself (epoch ms); absent = only a change of config/user/page helps. */
  clearsAt?: number;
}

export const pass = (code: CheckCode, finding: Finding): Check => ({ code, ok: true, finding });
export const fail = (code: CheckCode, finding: Finding, clearsAt?: number): Check =>
  clearsAt === undefined ? { code, ok: false, finding } : { code, ok: false, finding, clearsAt };
