import { makeResponse } from "@npskit/test-support/responses";
import { describe, expect, it } from "vitest";
import { parseResponse } from "./validate.js";

const comment = (body: string) => {
  const parsed = parseResponse(body);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.response.comment;
};

describe("parseResponse", () => {
  it("replaces what PostgreSQL cannot store, however the JSON text writes it", () => {
    const body = (text: string) =>
      JSON.stringify(makeResponse(3, { comment: "placeholder" })).replace("placeholder", text);
    // Escaped NUL and lone surrogates, and a lone surrogate written raw (never from UTF-8, but a string may hold one).
    expect(comment(body("a\\u0000b"))).toBe("a\ufffdb");
    expect(comment(body("lone \\ud800 high, \\udc00 low"))).toBe("lone \ufffd high, \ufffd low");
    expect(comment(body("raw \ud800 high"))).toBe("raw \ufffd high");
    // Pairs stay, escaped or raw, and so does text without any of these.
    expect(comment(body("\\ud83d\\udc4d and 👍"))).toBe("👍 and 👍");
    expect(comment(body("plain \\\\u0000 text"))).toBe("plain \\u0000 text");
  });
});
