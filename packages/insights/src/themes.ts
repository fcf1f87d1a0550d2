import { CATEGORIES, categoryOf, type Category, type SurveyResponse } from "@npskit/core";
import { latestById } from "./latest.js";
import { stopWordsFor } from "./stopwords.js";
import { hasScore } from "./summary.js";

export interface Theme {
  /** A word or a two-word phrase, lowercase. */
  term: string;
  /** Number of comments that mention it. */
  count: number;
}

export type Themes = Record<Category, Theme[]>;

export interface ThemeOptions {
  /** Language of the stop words; default: each response's own `locale` (all languages if unknown). */
  locale?: string;
  /** Themes per category (default 10). */
  top?: number;
  /** A theme must appear in at least this many comments (default 2). */
  minCount?: number;
}

/** A word (with inner apostrophes), or punctuation that ends a phrase. */
const TOKEN = /[\p{L}\p{N}]+(?:'[\p{L}]+)*|[.,;:!?()[\]"«»¿¡…–—]/gu;

/**
 * Meaningful words of a comment, in order; `null` marks a removed stop word or punctuation, so
 * "great reports, saves hours" gives no "reports saves" phrase.
 */
export function tokenize(comment: string, stopWords: ReadonlySet<string>): (string | null)[] {
  const tokens = comment.normalize("NFC").toLowerCase().replace(/[’`´]/g, "'").match(TOKEN) ?? [];
  return tokens.map((w) => (w.length < 2 || /^\p{N}+$/u.test(w) || stopWords.has(w) ? null : w));
}

/** The distinct words and adjacent two-word phrases of one comment. */
function termsOf(comment: string, stopWords: ReadonlySet<string>): Set<string> {
  const tokens = tokenize(comment, stopWords);
  const terms = new Set<string>();
  tokens.forEach((word, i) => {
    if (!word) return;
    terms.add(word);
    const next = tokens[i + 1];
    if (next) terms.add(`${word} ${next}`);
  });
  return terms;
}

/** Most frequent meaningful words and phrases in the comments of each category. */
export function themes(responses: readonly SurveyResponse[], options: ThemeOptions = {}): Themes {
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, new Map<string, number>()])) as Record<Category, Map<string, number>>;
  for (const r of latestById(responses)) {
    if (!r.comment?.trim() || !hasScore(r)) continue;
    const tally = counts[categoryOf(r.kind, r.score)];
    // Counted once per comment: one verbose answer should not make a theme.
    for (const term of termsOf(r.comment, stopWordsFor(options.locale ?? r.locale))) tally.set(term, (tally.get(term) ?? 0) + 1);
  }
  const pick = (tally: Map<string, number>) => rank(tally, options.top ?? 10, options.minCount ?? 2);
  return { promoter: pick(counts.promoter), passive: pick(counts.passive), detractor: pick(counts.detractor) };
}

/** Top terms; a word is dropped when a phrase containing it is as frequent (it adds nothing). */
function rank(tally: Map<string, number>, top: number, minCount: number): Theme[] {
  const candidates = [...tally]
    .filter(([, count]) => count >= minCount)
    .map(([term, count]) => ({ term, count }))
    .sort((a, b) => b.count - a.count || phraseFirst(a, b) || a.term.localeCompare(b.term));
  const phrases = candidates.filter((t) => t.term.includes(" "));
  const covered = (t: Theme) => !t.term.includes(" ") && phrases.some((p) => p.count >= t.count && p.term.split(" ").includes(t.term));
  return candidates.filter((t) => !covered(t)).slice(0, top);
}

const phraseFirst = (a: Theme, b: Theme) => Number(b.term.includes(" ")) - Number(a.term.includes(" "));
