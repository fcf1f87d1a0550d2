// Configs both validators are run against (validate-config.test.ts): valid ones in every shape
// the schema allows, and invalid ones covering every keyword and cross-field rule.

const survey = { id: "nps-q4", trigger: { pageview: true } };

export const VALID_CONFIGS: Record<string, unknown> = {
  minimal: { endpoint: "/collect", surveys: [{ id: "nps" }] },
  "config url only": { configUrl: "https://cdn.example.com/npskit.json" },
  "transport instead of endpoint": { transport: async () => {}, surveys: [survey] },
  "contract example": {
    endpoint: "https://api.example.com/nps",
    headers: { "x-api-key": "k" },
    locale: "en",
    theme: { mode: "dark", accent: "#4f46e5", position: "center", radius: 12, font: "Inter, sans-serif" },
    requireConsent: true,
    globalThrottle: { minDaysBetweenSurveys: 30 },
    surveys: [
      {
        id: "nps-q4",
        kind: "nps",
        question: "How likely are you to recommend {product} to a friend or colleague?",
        followUp: { promoter: "What do you love?", passive: "What is missing?", detractor: "What went wrong?" },
        thankYou: "Thanks!",
        product: "Acme",
        trigger: { event: "checkout", properties: { plan: "pro", total: 3, first: true } },
        delaySeconds: 5,
        audience: {
          sample: 0.25,
          urls: { include: ["/app/*"], exclude: ["/app/billing*"] },
          devices: ["desktop", "mobile"],
          locales: ["en", "de-AT"],
          attributes: [
            { key: "plan", op: "in", value: ["pro", "team"] },
            { key: "signupDate", op: "olderThanDays", value: 30 },
            { key: "beta", op: "exists" },
            { key: "seats", op: "gte", value: 5 },
            { key: "renewal", op: "lt", value: "2027-01-01" },
          ],
        },
        throttle: { afterAnswerDays: 180, afterDismissDays: 30, maxDisplays: 3 },
        schedule: { start: "2026-10-01", end: "2026-12-31T23:00:00Z" },
      },
      { id: "csat-support", kind: "csat", trigger: { event: "ticket_closed" } },
    ],
  },
  "unknown keys only warn": { endpoint: "/c", surveys: [{ id: "a", audience: { sampel: 0.5 } }], themee: {} },
  "sample zero": { endpoint: "/c", surveys: [{ id: "a", audience: { sample: 0 } }] },
};

export const INVALID_CONFIGS: Record<string, unknown> = {
  "not an object": "endpoint=/collect",
  null: null,
  "a list": [],
  "endpoint missing": { surveys: [survey] },
  "endpoint empty": { endpoint: "", surveys: [survey] },
  "headers not text": { endpoint: "/c", headers: { "x-api-key": 42 } },
  "transport not a function": { endpoint: "/c", transport: "fetch" },
  "bad locale": { endpoint: "/c", locale: "english please" },
  "theme wrong": { endpoint: "/c", theme: { mode: "night", accent: "blue", position: "top", radius: 99, font: "" } },
  "requireConsent text": { endpoint: "/c", requireConsent: "yes" },
  "global throttle negative": { endpoint: "/c", globalThrottle: { minDaysBetweenSurveys: -1 } },
  "surveys not a list": { endpoint: "/c", surveys: { id: "a" } },
  "survey not an object": { endpoint: "/c", surveys: ["nps"] },
  "survey id missing": { endpoint: "/c", surveys: [{ kind: "nps" }] },
  "survey id with spaces": { endpoint: "/c", surveys: [{ id: "my survey" }] },
  "duplicate ids": { endpoint: "/c", surveys: [{ id: "a" }, { id: "b" }, { id: "a" }] },
  "kind wrong": { endpoint: "/c", surveys: [{ id: "a", kind: "NPS" }] },
  "question too long": { endpoint: "/c", surveys: [{ id: "a", question: "x".repeat(501) }] },
  "followUp typo": { endpoint: "/c", surveys: [{ id: "a", followUp: { promotor: "Why?" } }] },
  "trigger empty": { endpoint: "/c", surveys: [{ id: "a", trigger: {} }] },
  "trigger both": { endpoint: "/c", surveys: [{ id: "a", trigger: { pageview: true, event: "x" } }] },
  "trigger pageview false": { endpoint: "/c", surveys: [{ id: "a", trigger: { pageview: false } }] },
  "trigger properties on pageview": {
    endpoint: "/c",
    surveys: [{ id: "a", trigger: { pageview: true, properties: { a: 1 } } }],
  },
  "trigger property object": { endpoint: "/c", surveys: [{ id: "a", trigger: { event: "x", properties: { a: {} } } }] },
  "delay negative": { endpoint: "/c", surveys: [{ id: "a", delaySeconds: -5 }] },
  "sample 2": { endpoint: "/c", surveys: [{ id: "a", audience: { sample: 2 } }] },
  "sample text": { endpoint: "/c", surveys: [{ id: "a", audience: { sample: "25%" } }] },
  "urls not lists": {
    endpoint: "/c",
    surveys: [{ id: "a", audience: { urls: { include: "/app/*", exclude: [""] } } }],
  },
  "devices wrong": { endpoint: "/c", surveys: [{ id: "a", audience: { devices: ["phone"] } }] },
  "devices empty": { endpoint: "/c", surveys: [{ id: "a", audience: { devices: [] } }] },
  "locales wrong": { endpoint: "/c", surveys: [{ id: "a", audience: { locales: ["German"] } }] },
  "attribute op wrong": {
    endpoint: "/c",
    surveys: [{ id: "a", audience: { attributes: [{ key: "plan", op: "equals", value: "pro" }] } }],
  },
  "attribute key missing": {
    endpoint: "/c",
    surveys: [{ id: "a", audience: { attributes: [{ op: "eq", value: "pro" }] } }],
  },
  "in needs a list": {
    endpoint: "/c",
    surveys: [{ id: "a", audience: { attributes: [{ key: "plan", op: "in", value: "pro" }] } }],
  },
  "notIn needs a list": {
    endpoint: "/c",
    surveys: [{ id: "a", audience: { attributes: [{ key: "plan", op: "notIn", value: 3 }] } }],
  },
  "days need numbers": {
    endpoint: "/c",
    surveys: [{ id: "a", audience: { attributes: [{ key: "d", op: "olderThanDays", value: "30" }] } }],
  },
  "days not negative": {
    endpoint: "/c",
    surveys: [{ id: "a", audience: { attributes: [{ key: "d", op: "newerThanDays", value: -1 }] } }],
  },
  "eq needs a scalar": {
    endpoint: "/c",
    surveys: [{ id: "a", audience: { attributes: [{ key: "p", op: "eq", value: ["a"] }] } }],
  },
  "gt needs number or date": {
    endpoint: "/c",
    surveys: [{ id: "a", audience: { attributes: [{ key: "p", op: "gt", value: "big" }] } }],
  },
  "eq value missing": { endpoint: "/c", surveys: [{ id: "a", audience: { attributes: [{ key: "p", op: "eq" }] } }] },
  "exists value text": {
    endpoint: "/c",
    surveys: [{ id: "a", audience: { attributes: [{ key: "p", op: "exists", value: "yes" }] } }],
  },
  "value object": {
    endpoint: "/c",
    surveys: [{ id: "a", audience: { attributes: [{ key: "p", op: "eq", value: { a: 1 } }] } }],
  },
  "value list of objects": {
    endpoint: "/c",
    surveys: [{ id: "a", audience: { attributes: [{ key: "p", op: "in", value: ["a", {}] }] } }],
  },
  "throttle wrong": {
    endpoint: "/c",
    surveys: [{ id: "a", throttle: { afterAnswerDays: "90", afterDismissDays: -1, maxDisplays: 2.5 } }],
  },
  "maxDisplays zero": { endpoint: "/c", surveys: [{ id: "a", throttle: { maxDisplays: 0 } }] },
  "schedule order": { endpoint: "/c", surveys: [{ id: "a", schedule: { start: "2026-12-31", end: "2026-10-01" } }] },
  "schedule not a date": { endpoint: "/c", surveys: [{ id: "a", schedule: { start: "next monday" } }] },
  "schedule impossible date": { endpoint: "/c", surveys: [{ id: "a", schedule: { end: "2026-02-30" } }] },
  "many at once": {
    endpont: "/c",
    theme: { accent: "red" },
    surveys: [
      { id: "a", kind: "nps", audience: { sampel: 0.5, sample: 1.5 } },
      { id: "a", trigger: { event: "" }, throttle: { maxDisplays: -1 } },
    ],
  },
};
