// A realistic, deterministic sample of past answers for the demo: plans with their LTV, comments
// in five languages, a score that improves over the months, some answers without a comment.
import { categoryOf, type Category, type SurveyResponse } from "@npskit/core";

const DAY = 86_400_000;

const PLANS = [
  { plan: "free", weight: 0.45, ltv: [0, 0] },
  { plan: "pro", weight: 0.35, ltv: [300, 1500] },
  { plan: "team", weight: 0.15, ltv: [2000, 9000] },
  { plan: "enterprise", weight: 0.05, ltv: [20000, 80000] },
] as const;

const COMMENTS: Record<Category, Record<string, readonly string[]>> = {
  promoter: {
    en: [
      "Easy to use and the reports are great",
      "Great reports, saves me hours",
      "Fast checkout and easy to use",
      "Support team is wonderful",
      "Easy to use, love the dashboards",
    ],
    de: ["Sehr einfach zu bedienen", "Tolle Berichte, spart Zeit", "Schneller Support"],
    fr: ["Très facile à utiliser", "Les rapports sont excellents"],
    es: ["Muy fácil de usar", "Los informes son geniales"],
    pt: ["Muito fácil de usar", "Relatórios excelentes"],
  },
  passive: {
    en: [
      "Good, but missing integrations",
      "Mobile app needs work",
      "Missing integrations with our CRM",
      "Fine overall, pricing is a bit high",
      "Decent, mobile app is slow",
    ],
    de: ["Gut, aber fehlende Integrationen", "Die mobile App ist langsam"],
    fr: ["Bien, mais il manque des intégrations"],
    es: ["Bien, pero faltan integraciones"],
    pt: ["Bom, mas faltam integrações"],
  },
  detractor: {
    en: [
      "Sync is slow and breaks often",
      "Too expensive for what it does",
      "Slow sync, lost data twice",
      "Support response time is terrible",
      "Too expensive, switching soon",
      "Slow sync on large projects",
    ],
    de: ["Zu teuer", "Synchronisierung ist langsam", "Support antwortet zu langsam"],
    fr: ["Trop cher", "La synchronisation est lente"],
    es: ["Demasiado caro", "La sincronización es lenta"],
    pt: ["Muito caro", "Sincronização lenta"],
  },
};

const LOCALES = [
  ["en", 0.6],
  ["de", 0.15],
  ["fr", 0.1],
  ["es", 0.1],
  ["pt", 0.05],
] as const;

/** A seeded PRNG (mulberry32): the same seed always gives the same sample (or test dataset). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T>(rand: () => number, items: readonly (readonly [T, number])[]): T {
  let x = rand() * items.reduce((s, [, w]) => s + w, 0);
  for (const [item, w] of items) if ((x -= w) < 0) return item;
  return items[items.length - 1]![0];
}

/** An NPS score whose odds improve with `progress` (0 = oldest, 1 = today) and with the plan. */
function scoreFor(rand: () => number, progress: number, plan: string): number {
  const lift = progress * 0.18 + (plan === "team" ? 0.08 : plan === "free" ? -0.06 : 0);
  const x = rand();
  if (x < 0.3 - lift * 0.8) return Math.floor(rand() * 7); // detractor 0–6
  if (x < 0.55 - lift * 0.5) return 7 + Math.floor(rand() * 2); // passive 7–8
  return 9 + Math.floor(rand() * 2); // promoter 9–10
}

export interface SampleOptions {
  surveyId: string;
  count: number;
  /** The sample spans the `days` days before `now`. */
  now: number;
  days?: number;
  seed?: number;
  /**
   * Also the displays nobody answered, as an SDK recording impressions sends them: about this many
   * per answer, most dismissed, some left open; answers then carry their `status` too. Default 0.
   */
  unanswered?: number;
}

/**
 * `count` NPS answers spread over the last `days` days. Ids and contents depend only on the seed
 * and the day of `now`, so seeding twice the same day changes nothing.
 */
export function sampleResponses({
  surveyId,
  count,
  now,
  days = 182,
  seed = 42,
  unanswered = 0,
}: SampleOptions): SurveyResponse[] {
  const answers = sampleAnswers({ surveyId, count, now, days, seed });
  if (unanswered === 0) return answers;
  const rand = random(seed + 1);
  const today = Math.floor(now / DAY) * DAY;
  const displays = Array.from({ length: Math.round(count * unanswered) }, (_unused, i): SurveyResponse => {
    const template = answers[Math.floor(rand() * answers.length)] as SurveyResponse;
    const { comment: _, ...rest } = template;
    const createdAt = new Date(today - rand() * days * DAY);
    return {
      ...rest,
      id: `00000000-5eed-4000-9000-${(seed * 1_000_000 + i).toString(16).padStart(12, "0")}`,
      score: null,
      category: null,
      status: rand() < 0.85 ? "dismissed" : "shown",
      complete: false,
      createdAt: createdAt.toISOString(),
      updatedAt: new Date(createdAt.getTime() + 4000).toISOString(),
    };
  });
  const withStatus = answers.map((r): SurveyResponse => ({ ...r, status: r.complete ? "completed" : "answered" }));
  return [...withStatus, ...displays];
}

function sampleAnswers({
  surveyId,
  count,
  now,
  days,
  seed,
}: Required<Omit<SampleOptions, "unanswered">>): SurveyResponse[] {
  const rand = random(seed);
  const today = Math.floor(now / DAY) * DAY;
  return Array.from({ length: count }, (_, i) => {
    const { plan, ltv } = weighted(
      rand,
      PLANS.map((p) => [p, p.weight] as const),
    );
    const age = rand() * days * DAY;
    const score = scoreFor(rand, 1 - age / (days * DAY), plan);
    const category = categoryOf("nps", score);
    const locale = weighted(rand, LOCALES);
    const options = COMMENTS[category][locale] ?? [];
    const comment = rand() < 0.65 ? options[Math.floor(rand() * options.length)] : undefined;
    const createdAt = new Date(today - age);
    const user = `demo-user-${String(i + 1).padStart(4, "0")}`;
    return {
      id: `00000000-5eed-4000-8000-${(seed * 1_000_000 + i).toString(16).padStart(12, "0")}`,
      surveyId,
      kind: "nps",
      score,
      category,
      ...(comment ? { comment } : {}),
      complete: comment !== undefined || rand() < 0.7,
      userId: user,
      anonymousId: `anon-${user}`,
      attributes: {
        plan,
        ltv: Math.round(ltv[0] + rand() * (ltv[1] - ltv[0])),
        seats: plan === "free" ? 1 : 2 + Math.floor(rand() * 40),
      },
      url: "https://app.example.com/checkout/done",
      locale,
      createdAt: createdAt.toISOString(),
      updatedAt: new Date(createdAt.getTime() + 9000).toISOString(),
      sdk: { name: "npskit", version: "0.1.0" },
    };
  });
}
