// Number formatting for the report (en-US style, independent of the server's locale).

export const signed = (n: number | null): string => (n === null ? "–" : `${n > 0 ? "+" : ""}${n.toFixed(1)}`);

export const percent = (part: number, total: number): string =>
  total === 0 ? "–" : `${((part * 100) / total).toFixed(0)}%`;

/** An interval of signed NPS points, e.g. "-36.6 to +67.3". */
export const interval = (low: number | null, high: number | null): string => `${signed(low)} to ${signed(high)}`;

/** An amount, in `currency` (ISO 4217, e.g. "EUR") when known, else as a plain number. */
export const money = (n: number, currency?: string): string =>
  new Intl.NumberFormat(
    "en-US",
    currency ? { style: "currency", currency, maximumFractionDigits: 0 } : { maximumFractionDigits: 0 },
  ).format(n);

export const dateOnly = (iso: string): string => new Date(iso).toISOString().slice(0, 10);

/** "1 answer", "2 answers". */
export const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? "" : "s"}`;
