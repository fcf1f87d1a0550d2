// JSON text without the page's JSON.stringify or any toJSON: npskit often runs after the page's
// own code, which may have replaced JSON.stringify or defined toJSON on Array.prototype (as
// Prototype.js 1.6 did) or Object.prototype. Plain data only, as the wire format and the
// stored state hold it: objects (own keys), lists, text, finite numbers, booleans and null.

// Control characters, quote and backslash, and lone surrogates (with the u flag a valid pair is
// one code point and does not match), as JSON.stringify escapes them.
const ESCAPED = /[\\"\u0000-\u001f\ud800-\udfff]/gu;
const quote = (text: string) =>
  `"${text.replace(ESCAPED, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"))}"`;

/** What JSON.stringify gives for plain data: "" (left out of objects, null in lists) for undefined and functions. */
export const toJson = (value: unknown): string =>
  typeof value === "string"
    ? quote(value)
    : Array.isArray(value)
      ? `[${value.map((v) => toJson(v) || "null").join(",")}]`
      : value && typeof value === "object"
        ? `{${Object.keys(value)
            .filter((k) => toJson((value as Record<string, unknown>)[k]))
            .map((k) => `${quote(k)}:${toJson((value as Record<string, unknown>)[k])}`)
            .join(",")}}`
        : typeof value === "number"
          ? Number.isFinite(value)
            ? `${value}`
            : "null"
          : typeof value === "boolean" || value === null
            ? `${value}`
            : "";
