// Date helpers shared by the config rules and targeting. Times are UTC so a schedule means the
// same moment for every visitor and in every test.
import { ISO_DATE_PATTERN } from "./config-constants.js";
import { DAY_MS } from "./clock.js";

/**
 * Epoch ms of an ISO date or date-time (zone-less times are read as UTC), an epoch-ms number or a
 * Date; undefined when it is not a real date ("2026-02-30" is rejected).
 */
export function toEpochMs(value: unknown): number | undefined {
  if (value instanceof Date) value = value.getTime(); // identify() may pass Dates before they are stored as JSON
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string" || !ISO_DATE_PATTERN.test(value)) return undefined;
  const hasZone = /(?:Z|[+-]\d{2}:\d{2})$/.test(value);
  const ms = Date.parse(value.length > 10 && !hasZone ? value + "Z" : value);
  if (Number.isNaN(ms)) return undefined;
  // Date.parse rolls "02-30" over to March; a real date survives the round trip (a bare date is UTC).
  const day = value.slice(0, 10);
  return isoDay(Date.parse(day)) === day ? ms : undefined;
}

/** Start of a schedule: a bare date means the start of that day (UTC). */
export const scheduleStartMs = (value: string) => toEpochMs(value);

/** End of a schedule: a bare date includes that whole day (UTC). */
export function scheduleEndMs(value: string): number | undefined {
  const ms = toEpochMs(value);
  return ms !== undefined && value.length === 10 ? ms + DAY_MS - 1 : ms;
}

/** "2027-02-22" — the day a person reads in a reason. */
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Whole days between two instants, rounded down. */
export const daysBetween = (from: number, to: number) => Math.floor((to - from) / DAY_MS);
