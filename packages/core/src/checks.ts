// One evaluated rule of the engine: whether it passes and why, in words a person reads.

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
  reason: string;
  /** When a failing check stops failing by itself (epoch ms); absent = only a change of config/user/page helps. */
  clearsAt?: number;
}

export const pass = (code: CheckCode, reason: string): Check => ({ code, ok: true, reason });
export const fail = (code: CheckCode, reason: string, clearsAt?: number): Check =>
  clearsAt === undefined ? { code, ok: false, reason } : { code, ok: false, reason, clearsAt };
