import { describe, expect, it } from "vitest";
import { makeResponse } from "@npskit/test-support/responses";
import { themes, tokenize } from "./themes.js";
import { stopWordsFor } from "./stopwords.js";

const said = (score: number, comment: string, locale = "en") => makeResponse(score, { comment, locale });

describe("themes", () => {
  it("ranks words and phrases by the number of comments mentioning them, per category", () => {
    const sample = [
      said(2, "Support is slow."),
      said(3, "Slow support and expensive pricing"),
      said(1, "The pricing is too expensive, too expensive!"),
      said(0, "slow SUPPORT again"),
      said(10, "Love the dashboards"),
      said(9, "Dashboards are great"),
    ];
    const result = themes(sample);
    expect(result.detractor).toEqual([
      { term: "slow", count: 3, language: "en" },
      { term: "support", count: 3, language: "en" },
      { term: "slow support", count: 2, language: "en" },
      { term: "expensive", count: 2, language: "en" },
      { term: "pricing", count: 2, language: "en" },
    ]);
    expect(result.promoter).toEqual([{ term: "dashboards", count: 2, language: "en" }]);
    expect(result.passive).toEqual([]);
  });

  it("drops a word when a phrase containing it is as frequent", () => {
    const result = themes([said(9, "Great onboarding flow"), said(10, "great onboarding, thanks")]);
    expect(result.promoter).toEqual([{ term: "great onboarding", count: 2, language: "en" }]);
  });

  it("uses the stop words of each response's language and keeps diacritics", () => {
    const sample = [said(10, "Sehr gute Übersicht", "de-AT"), said(9, "Die Übersicht ist sehr gute", "de")];
    expect(themes(sample).promoter).toEqual([
      { term: "gute", count: 2, language: "de" },
      { term: "übersicht", count: 2, language: "de" },
    ]);
  });

  it("counts each language apart and labels it: 'bien' and 'sehr' are no themes", () => {
    const sample = [
      said(9, "Très bien, rapide", "fr"),
      said(10, "Bien, très rapide", "fr-CA"),
      said(9, "Sehr schnell", "de"),
      said(10, "Sehr, sehr schnell", "de"),
      said(9, "Muy bien, rápido", "es"),
      said(10, "Bien. Rápido", "es-MX"),
      said(10, "Bem rápido e fácil", "pt-BR"),
      said(9, "Fast and easy", "en"),
      said(10, "Easy and fast", "en"),
    ];
    expect(themes(sample).promoter).toEqual([
      { term: "easy", count: 2, language: "en" },
      { term: "fast", count: 2, language: "en" },
      { term: "rapide", count: 2, language: "fr" },
      { term: "rápido", count: 2, language: "es" },
      { term: "schnell", count: 2, language: "de" },
    ]);
  });

  it("cuts Japanese into words with Intl.Segmenter and drops its particles", () => {
    const sample = [
      said(10, "レポートがとても素晴らしいです。", "ja"),
      said(9, "サポートも速い。レポートが素晴らしい！", "ja"),
    ];
    expect(themes(sample).promoter).toEqual([
      { term: "レポート", count: 2, language: "ja" },
      { term: "素晴らしい", count: 2, language: "ja" },
    ]);
    expect(tokenize("レポートがとても素晴らしいです。", stopWordsFor("ja"), "ja")).toEqual([
      "レポート",
      null,
      null,
      "素晴らしい",
      null,
      null,
    ]);
  });

  it("drops Arabic and Hebrew filler words", () => {
    const sample = [
      said(1, "التطبيق بطيء جدا", "ar"),
      said(2, "بطيء جدا في المزامنة", "ar"),
      said(0, "האפליקציה איטית מאוד", "he"),
      said(3, "איטית מאוד", "he"),
    ];
    expect(themes(sample).detractor).toEqual([
      { term: "איטית", count: 2, language: "he" },
      { term: "بطيء", count: 2, language: "ar" },
    ]);
  });

  it("honours top, minCount and a forced locale", () => {
    const sample = [said(8, "muy rápido y fácil", "xx"), said(7, "rápido", "xx")];
    expect(themes(sample, { locale: "es", top: 1, minCount: 1 }).passive).toEqual([
      { term: "rápido", count: 2, language: "es" },
    ]);
  });

  it("ignores empty comments, out-of-scale scores and earlier states of an answer", () => {
    const first = said(2, "slow slow", "en");
    const later = { ...first, comment: "Fine today", updatedAt: "2026-12-01T00:00:00Z" };
    const shown = { ...said(1, "slow"), score: null, category: null, status: "shown" as const };
    const result = themes([first, later, said(1, "   "), said(12, "slow"), shown], { minCount: 1 });
    expect(result.detractor).toEqual([{ term: "fine today", count: 1, language: "en" }]);
  });
});

describe("tokenize", () => {
  it("lowercases, folds typographic apostrophes and removes stop words and numbers", () => {
    expect(tokenize("Don’t like the NEW 2fa login, 42 times", stopWordsFor("en"))).toEqual([
      null,
      null,
      null,
      "new",
      "2fa",
      "login",
      null,
      null,
      "times",
    ]);
  });

  it("leaves the language out when the locale is unknown, using every list of stop words", () => {
    expect(
      themes([makeResponse(9, { comment: "sehr schnell" }), makeResponse(10, { comment: "Schnell!" })]).promoter,
    ).toEqual([{ term: "schnell", count: 2 }]);
  });

  it("lets punctuation end a phrase", () => {
    const result = themes([said(9, "Great reports, saves hours"), said(10, "great reports. saves hours!")], { top: 3 });
    expect(result.promoter.map((t) => t.term)).toEqual(["great reports", "saves hours"]);
  });
});
