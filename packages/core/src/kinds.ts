// Survey kinds and their scales. Kept free of zod so the UI chunk can import it for free.

export const KINDS = ["nps", "enps", "csat", "ces"] as const;
export type SurveyKind = (typeof KINDS)[number];

export const CATEGORIES = ["promoter", "passive", "detractor"] as const;
export type Category = (typeof CATEGORIES)[number];

/** Inclusive score range of each kind: NPS/eNPS 0–10, CSAT 1–5, CES 1–7 (7 = very easy). */
export const SCALES: Record<SurveyKind, readonly [min: number, max: number]> = {
  nps: [0, 10],
  enps: [0, 10],
  csat: [1, 5],
  ces: [1, 7],
};

/**
 * The follow-up category of a score. NPS/eNPS use the standard 9–10 / 7–8 / 0–6 split; CSAT and
 * CES map their top box to "promoter", their middle to "passive" and their bottom to "detractor"
 * so every kind shares one follow-up mechanism.
 */
export function categoryOf(kind: SurveyKind, score: number): Category {
  if (kind === "csat") return score >= 4 ? "promoter" : score === 3 ? "passive" : "detractor";
  if (kind === "ces") return score >= 6 ? "promoter" : score >= 4 ? "passive" : "detractor";
  return score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";
}

export function isValidScore(kind: SurveyKind, score: number): boolean {
  const [min, max] = SCALES[kind];
  return Number.isInteger(score) && score >= min && score <= max;
}
