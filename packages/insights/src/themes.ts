import { CATEGORIES, categoryOf, type Category, type SurveyResponse } from "@npskit/core";
import { latestById } from "./latest.js";
import { languageOf, stopWordsFor } from "./stopwords.js";
import { hasScore } from "./summary.js";

export interface Theme {
  /** A word or a two-word phrase, lowercase. */
  term: string;
  /** Number of comments that mention it. */
  count: number;
  /** Language of those comments (`de` for `de-AT`), when their locale is known. */
  language?: string;
}

export type Themes = Record<Category, Theme[]>;

export interface ThemeOptions {
  /** Language of every comment; default: each response's own `locale` (all stop words if unknown). */
  locale?: string;
  /** Themes per category (default 10). */
  top?: number;
  /** A theme must appear in at least this many comments (default 2). */
  minCount?: number;
}

/** Languages written without spaces: a phrase is its words side by side. */
const UNSPACED = new Set(["ja", "zh", "th", "lo", "km", "my"]);

/** A word (with inner apostrophes), or punctuation that ends a phrase: the fallback without Intl.Segmenter. */
const TOKEN = /[\p{L}\p{N}]+(?:'[\p{L}]+)*|[.,;:!?()[\]"«»¿¡…–—、。！？]/gu;

const segmenters = new Map<string, Intl.Segmenter>();

/** Words and punctuation of a text (no spaces), cut the way its language cuts words when the runtime can. */
function segments(text: string, language: string | undefined): { word: string; isWord: boolean }[] {
  if (typeof Intl.Segmenter !== "function")
    return (text.match(TOKEN) ?? []).map((word) => ({ word, isWord: /[\p{L}\p{N}]/u.test(word) }));
  const key = language ?? "";
  let segmenter = segmenters.get(key);
  if (!segmenter) segmenters.set(key, (segmenter = new Intl.Segmenter(language, { granularity: "word" })));
  return [...segmenter.segment(text)]
    .filter((s) => s.segment.trim())
    .map((s) => ({ word: s.segment, isWord: s.isWordLike === true }));
}

/**
 * Meaningful words of a comment, in order; `null` marks a removed stop word or punctuation, so
 * "great reports, saves hours" gives no "reports saves" phrase.
 */
export function tokenize(comment: string, stopWords: ReadonlySet<string>, language?: string): (string | null)[] {
  const text = comment.normalize("NFC").toLowerCase().replace(/[’`´]/g, "'");
  return segments(text, language).map(({ word, isWord }) =>
    !isWord || word.length < 2 || /^\p{N}+$/u.test(word) || stopWords.has(word) ? null : word,
  );
}

/** The distinct words and adjacent two-word phrases of one comment. */
function termsOf(comment: string, language: string | undefined): Map<string, string[]> {
  const tokens = tokenize(comment, stopWordsFor(language), language);
  const glue = language && UNSPACED.has(language) ? "" : " ";
  const terms = new Map<string, string[]>();
  tokens.forEach((word, i) => {
    if (!word) return;
    terms.set(word, [word]);
    const next = tokens[i + 1];
    if (next) terms.set(`${word}${glue}${next}`, [word, next]);
  });
  return terms;
}

interface Tally {
  term: string;
  words: string[];
  language: string | undefined;
  count: number;
}

/**
 * Most frequent meaningful words and phrases in the comments of each category, each labelled
 * with its language: comments are cut into words and stripped of stop words in their own language.
 */
export function themes(responses: readonly SurveyResponse[], options: ThemeOptions = {}): Themes {
  const tallies = Object.fromEntries(CATEGORIES.map((c) => [c, new Map<string, Tally>()])) as Record<
    Category,
    Map<string, Tally>
  >;
  for (const r of latestById(responses)) {
    if (!r.comment?.trim() || !hasScore(r)) continue;
    const tally = tallies[categoryOf(r.kind, r.score)];
    const language = languageOf(options.locale ?? r.locale);
    // Counted once per comment: one verbose answer should not make a theme.
    for (const [term, words] of termsOf(r.comment, language)) {
      const key = `${language ?? ""}|${term}`;
      const seen = tally.get(key);
      if (seen) seen.count++;
      else tally.set(key, { term, words, language, count: 1 });
    }
  }
  const pick = (tally: Map<string, Tally>) => rank([...tally.values()], options.top ?? 10, options.minCount ?? 2);
  return { promoter: pick(tallies.promoter), passive: pick(tallies.passive), detractor: pick(tallies.detractor) };
}

/** Top terms; a word is dropped when a phrase of its language containing it is as frequent (it adds nothing). */
function rank(tallies: Tally[], top: number, minCount: number): Theme[] {
  const candidates = tallies
    .filter((t) => t.count >= minCount)
    // Fully ordered (ties by term, then language), so the same comments in any order give the same themes.
    .sort(
      (a, b) =>
        b.count - a.count ||
        b.words.length - a.words.length ||
        a.term.localeCompare(b.term) ||
        (a.language ?? "").localeCompare(b.language ?? ""),
    );
  const phrases = candidates.filter((t) => t.words.length > 1);
  const covered = (t: Tally) =>
    t.words.length === 1 &&
    phrases.some((p) => p.language === t.language && p.count >= t.count && p.words.includes(t.term));
  return candidates
    .filter((t) => !covered(t))
    .slice(0, top)
    .map(({ term, count, language }) => (language ? { term, count, language } : { term, count }));
}
