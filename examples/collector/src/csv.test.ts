import { describe, expect, it } from "vitest";
import { commonAttributeKeys } from "./attribute-keys.js";
import { csvCell, csvHeader } from "./csv.js";
import { makeResponse } from "@npskit/test-support/responses";

describe("csvCell", () => {
  it("quotes fields with a separator (comma, semicolon, tab), a quote, a line break or edge spaces", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell("a;b")).toBe('"a;b"');
    expect(csvCell("a\tb")).toBe('"a\tb"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("two\rlines")).toBe('"two\rlines"');
    expect(csvCell(" padded")).toBe('" padded"');
  });

  it("neutralises cells a spreadsheet would run as formulas, and still quotes them when needed", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"])
      expect(csvCell(`${start}1+1`).replace(/^"/, "")).toMatch(/^'/);
    expect(csvCell("=1,2")).toBe(`"'=1,2"`);
    expect(csvCell("=1;2")).toBe(`"'=1;2"`);
    expect(csvCell("\t=cmd")).toBe(`"'\t=cmd"`);
    expect(csvCell("@SUM(A1)\r\n")).toBe(`"'@SUM(A1)\r\n"`);
  });

  it("guards text that already starts with the guard before a formula character, so an import undoes exactly one", () => {
    expect(csvCell("'=1+1")).toBe("''=1+1");
    expect(csvCell("''-2")).toBe("'''-2");
    expect(csvCell("'plain")).toBe("'plain");
  });

  it("writes numbers, booleans and missing values as is", () => {
    expect([csvCell(-5), csvCell(true), csvCell(null), csvCell(undefined)]).toEqual(["-5", "true", "", ""]);
  });
});

describe("attribute columns", () => {
  it("are the keys present in at least 1% of the answers, at most 50 (the most frequent), sorted by name", () => {
    const common = Array.from({ length: 300 }, (_, i) =>
      makeResponse(9, { attributes: { plan: "pro", ...(i % 50 === 0 ? { rare: 1 } : {}), [`once-${i}`]: i } }),
    );
    expect(commonAttributeKeys(common)).toEqual(["plan", "rare"]); // rare: 6 of 300 = 2%; each once-N: 0.3%
    const flood = Array.from({ length: 40 }, (_, i) =>
      makeResponse(9, {
        attributes: { plan: "pro", ...Object.fromEntries(Array.from({ length: 49 }, (_, k) => [`k-${i}-${k}`, "v"])) },
      }),
    );
    const keys = commonAttributeKeys(flood);
    expect(keys).toHaveLength(50);
    expect(keys).toContain("plan");
  });

  it("keep the CSV as wide as the common keys, however many distinct keys were posted", () => {
    const flood = Array.from({ length: 40 }, (_, i) =>
      makeResponse(9, { attributes: Object.fromEntries(Array.from({ length: 50 }, (_, k) => [`k-${i}-${k}`, "v"])) }),
    );
    const [header] = csvHeader(commonAttributeKeys(flood)).split("\r\n");
    expect(header?.split(",").filter((c) => c.startsWith("attr."))).toHaveLength(50);
  });
});
