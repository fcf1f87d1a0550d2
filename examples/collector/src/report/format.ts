// Number formatting for the report (en-US style, independent of the server's locale).

export const signed = (n: number | null): string => (n === null ? "–" : `${n > 0 ? "+" : ""}${n.toFixed(1)}`);

export const percent = (part: number, total: number): string => (total === 0 ? "–" : `${((part * 100) / total).toFixed(0)}%`);

export const money = (n: number): string => new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 }).format(n);

export const dateOnly = (iso: string): string => new Date(iso).toISOString().slice(0, 10);
