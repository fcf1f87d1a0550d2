// Calendar periods in UTC: ISO weeks (Monday start, week 1 holds the year's first Thursday),
// months and quarters. Each period is identified by the ms timestamp of its first instant.

export type Period = "week" | "month" | "quarter";

const DAY = 86_400_000;

/** The start (UTC midnight) of the period that contains `t`. */
export function periodStart(t: number, period: Period): number {
  const d = new Date(t);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  if (period === "month") return Date.UTC(y, m, 1);
  if (period === "quarter") return Date.UTC(y, m - (m % 3), 1);
  const midnight = Date.UTC(y, m, d.getUTCDate());
  const mondayOffset = (d.getUTCDay() + 6) % 7;
  return midnight - mondayOffset * DAY;
}

/** The start of the period after the one starting at `start`. */
export function nextPeriod(start: number, period: Period): number {
  if (period === "week") return start + 7 * DAY;
  const d = new Date(start);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + (period === "month" ? 1 : 3), 1);
}

/** Human label of the period starting at `start`: `2026-W48`, `2026-11`, `2026-Q4`. */
export function periodLabel(start: number, period: Period): string {
  const d = new Date(start);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  if (period === "month") return `${y}-${String(m + 1).padStart(2, "0")}`;
  if (period === "quarter") return `${y}-Q${Math.floor(m / 3) + 1}`;
  // The ISO week-year is the year of the week's Thursday.
  const thursday = new Date(start + 3 * DAY);
  const weekYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(weekYear, 0, 1)) / (7 * DAY)) + 1;
  return `${weekYear}-W${String(week).padStart(2, "0")}`;
}
