// Plain JSON-like values, as config, stored state and storage hold them.

export type Dict = Record<string, unknown>;

/** An object, not null and not a list. */
export const isRecord = (v: unknown): v is Dict => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * A deep copy of plain data (objects, lists, scalars), own keys only: no toJSON or JSON.stringify
 * of the page is involved (npskit often runs after the page's own code has changed them).
 */
export const plainCopy = <T>(value: T): T =>
  (Array.isArray(value)
    ? value.map(plainCopy)
    : isRecord(value)
      ? Object.fromEntries(Object.keys(value).map((k) => [k, plainCopy(value[k])]))
      : value) as T;
