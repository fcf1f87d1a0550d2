import { describe, expect, it } from "vitest";
import { makeResponse } from "../../core/src/response.test-data.js";
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
      { term: "slow", count: 3 },
      { term: "support", count: 3 },
      { term: "slow support", count: 2 },
      { term: "expensive", count: 2 },
      { term: "pricing", count: 2 },
    ]);
    expect(result.promoter).toEqual([{ term: "dashboards", count: 2 }]);
    expect(result.passive).toEqual([]);
  });

  it("drops a word when a phrase containing it is as frequent", () => {
    const result = themes([said(9, "Great onboarding flow"), said(10, "great onboarding, thanks")]);
    expect(result.promoter).toEqual([{ term: "great onboarding", count: 2 }]);
  });

  it("uses the stop words of each response's language and keeps diacritics", () => {
    const sample = [said(10, "Sehr gute Übersicht", "de-AT"), said(9, "Die Übersicht ist sehr gute", "de")];
    expect(themes(sample).promoter).toEqual([
      { term: "gute", count: 2 },
      { term: "übersicht", count: 2 },
    ]);
  });

  it("honours top, minCount and a forced locale", () => {
    const sample = [said(8, "muy rápido y fácil", "xx"), said(7, "rápido", "xx")];
    expect(themes(sample, { locale: "es", top: 1, minCount: 1 }).passive).toEqual([{ term: "rápido", count: 2 }]);
  });

  it("ignores empty comments, out-of-scale scores and earlier states of an answer", () => {
    const first = said(2, "slow slow", "en");
    const later = { ...first, comment: "Fine today", updatedAt: "2026-12-01T00:00:00Z" };
    const result = themes([first, later, said(1, "   "), said(12, "slow")], { minCount: 1 });
    expect(result.detractor).toEqual([{ term: "fine today", count: 1 }]);
  });
});

describe("tokenize", () => {
  it("lowercases, folds typographic apostrophes and removes stop words and numbers", () => {
    expect(tokenize("Don’t like the NEW 2fa login, 42 times", stopWordsFor("en"))).toEqual([null, null, null, "new", "2fa", "login", null, null, "times"]);
  });

  it("lets punctuation end a phrase", () => {
    const result = themes([said(9, "Great reports, saves hours"), said(10, "great reports. saves hours!")], { top: 3 });
    expect(result.promoter.map((t) => t.term)).toEqual(["great reports", "saves hours"]);
  });
});
