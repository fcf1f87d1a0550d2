// Plain JSON-like values, as config, stored state and storage hold them.

export type Dict = Record<string, unknown>;

/** An object, not null and not a list. */
export const isRecord = (v: unknown): v is Dict => typeof v === "object" && v !== null && !Array.isArray(v);

/** A deep copy through JSON (undefined stays undefined). */
export const jsonCopy = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)));
