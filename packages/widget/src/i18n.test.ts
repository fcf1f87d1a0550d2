import { describe, expect, test } from "vitest";
import { copyFor, fill, isRtl, loadTexts, negotiate } from "./i18n.js";

const LANGUAGES = ["en", "de", "fr", "es", "pt", "ja", "ar", "he"];

describe("negotiate", () => {
  test("takes the primary subtag of a supported language", () => {
    expect(negotiate("de-AT")).toBe("de");
    expect(negotiate("pt_BR")).toBe("pt");
    expect(negotiate("JA")).toBe("ja");
    expect(negotiate("he-IL")).toBe("he");
  });
  test("falls back to English for unknown, empty or prototype-like tags", () => {
    for (const tag of ["xx", "it-IT", "", undefined, "constructor", "__proto__"]) expect(negotiate(tag)).toBe("en");
  });
  test("only Arabic and Hebrew are right-to-left", () => {
    expect(LANGUAGES.filter(isRtl)).toEqual(["ar", "he"]);
  });
});

describe("built-in texts", () => {
  test.each(LANGUAGES)("%s has every text, with placeholders where they belong", async (lang) => {
    const { lang: loaded, texts } = await loadTexts(lang);
    expect(loaded).toBe(lang);
    const parts = texts.split("|");
    expect(parts).toHaveLength(19);
    expect(parts.every((p) => p.trim().length > 0)).toBe(true);
    for (const question of parts.slice(2, 6)) expect(question).toContain("{product}");
    expect(parts[18]).toContain("{n}");
  });

  test("every kind gets its own question and scale labels", async () => {
    const { texts } = await loadTexts("en");
    const copy = (kind: "nps" | "enps" | "csat" | "ces") => copyFor({ id: "s", kind }, texts, "Acme");
    expect(copy("nps").question).toBe("How likely are you to recommend Acme to a friend or colleague?");
    expect(copy("enps").question).toBe("How likely are you to recommend Acme as a place to work?");
    expect(copy("csat")).toMatchObject({
      question: "How satisfied are you with Acme?",
      low: "Very dissatisfied",
      high: "Very satisfied",
    });
    expect(copy("ces")).toMatchObject({
      question: "How easy was it to get what you needed from Acme?",
      low: "Very difficult",
      high: "Very easy",
    });
    expect(copy("enps")).toMatchObject({ low: "Not at all likely", high: "Extremely likely" });
  });

  test("without a product name the localized default reads naturally", async () => {
    const { texts } = await loadTexts("fr");
    expect(copyFor({ id: "s", kind: "enps" }, texts, undefined).question).toContain("notre entreprise comme employeur");
    expect(copyFor({ id: "s", kind: "nps" }, texts, undefined).question).toContain("recommandiez notre produit");
  });

  test("config texts override the defaults and get {product} too; empty overrides do not", async () => {
    const { texts } = await loadTexts("en");
    const copy = copyFor(
      {
        id: "s",
        kind: "nps",
        question: "Rate {product}?",
        followUp: { detractor: "Sorry, {product} let you down. Why?", passive: "" },
        thankYou: "Merci {product}",
      },
      texts,
      "Acme",
    );
    expect(copy).toMatchObject({
      question: "Rate Acme?",
      detractor: "Sorry, Acme let you down. Why?",
      passive: "What could we do better?",
      promoter: "What do you like most?",
      thanks: "Merci Acme",
    });
  });
});

test("fill replaces every placeholder once and never expands the value", () => {
  expect(fill("{product} and {product}", "product", "{product}$&")).toBe("{product}$& and {product}$&");
  expect(fill("No placeholder", "product", "Acme")).toBe("No placeholder");
});
