// Built-in texts. English ships with the widget; every other language is its own small chunk,
// loaded only for the people who read it. Size: each language is one "|"-separated string (order
// in copyFor), not an object literal.
import type { Category } from "@npskit/core/runtime";
import type { WidgetSurvey } from "./types.js";
import en from "./locales/en.js";

type Loader = () => Promise<{ default: string }>;
const LOCALES: Record<string, Loader> = {
  en: async () => ({ default: en }),
  de: () => import("./locales/de.js"),
  fr: () => import("./locales/fr.js"),
  es: () => import("./locales/es.js"),
  pt: () => import("./locales/pt.js"),
  ja: () => import("./locales/ja.js"),
  ar: () => import("./locales/ar.js"),
  he: () => import("./locales/he.js"),
};

/** The built-in language for a BCP 47 tag: its primary subtag if we have it, else English. */
export function negotiate(locale: string | undefined): string {
  const lang = (locale || "").toLowerCase().split(/[-_]/)[0]!;
  return {}.hasOwnProperty.call(LOCALES, lang) ? lang : "en";
}

export const isRtl = (lang: string) => lang === "ar" || lang === "he";

/** The texts of a language from `negotiate`; English if its chunk cannot be loaded. */
export async function loadTexts(lang: string): Promise<{ lang: string; texts: string }> {
  try {
    return { lang, texts: (await LOCALES[lang]!()).default };
  } catch {
    return { lang: "en", texts: en };
  }
}

/** Replace every `{key}` in one pass, so a substituted value is never expanded again. */
export const fill = (template: string, key: string, value: string) => template.split(`{${key}}`).join(value);

/** Every text one survey shows, in its language, with config overrides and `{product}` filled in. */
export type Copy = Record<"question" | "low" | "high" | Category | "thanks" | "send" | "close" | "left", string>;

export function copyFor(survey: WidgetSurvey, texts: string, product: string | undefined): Copy {
  // The order of the parts in every locale file.
  const [
    us,
    company,
    nps,
    enps,
    csat,
    ces,
    npsLow,
    npsHigh,
    csatLow,
    csatHigh,
    cesLow,
    cesHigh,
    promoter,
    passive,
    detractor,
    send,
    close,
    thanks,
    left,
  ] = texts.split("|") as string[];
  const { kind, followUp = {} } = survey;
  const name = product || (kind === "enps" ? company : us)!;
  const [low, high] = {
    nps: [npsLow, npsHigh],
    enps: [npsLow, npsHigh],
    csat: [csatLow, csatHigh],
    ces: [cesLow, cesHigh],
  }[kind];
  const text = (custom: string | undefined, builtIn: string | undefined) => fill(custom || builtIn!, "product", name);
  return {
    question: text(survey.question, { nps, enps, csat, ces }[kind]),
    low: low!,
    high: high!,
    promoter: text(followUp.promoter, promoter),
    passive: text(followUp.passive, passive),
    detractor: text(followUp.detractor, detractor),
    thanks: text(survey.thankYou, thanks),
    send: send!,
    close: close!,
    left: left!,
  };
}
