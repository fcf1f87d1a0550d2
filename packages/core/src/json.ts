// JSON text without the page's JSON.stringify or any toJSON: npskit often runs after the page's
// own code, which may have replaced JSON.stringify or defined toJSON on Array.prototype (as
// Prototype.js 1.6 did) or Object.prototype. Plain data only, as the wire format and the
// stored state hold it: objects (own keys), lists, text, finite numbers, booleans and null.

// Control characters, quote and backslash, and lone surrogates (with the u flag a valid pair is
// one code point and does not match), as JSON.stringify escapes them.
const ESCAPED = /[\\"\u0000-\u001f\ud800-\udfff]/gu;
const quote = (text: string) => `"${text.replace(ESCAPED, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"))}"`;

/** What JSON.stringify gives for plain data; undefined (and functions) are left out of objects, null in lists. */
export function toJson(value: unknown): string {
  if (typeof value === "string") return quote(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "null";
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => toJson(v) || "null").join(",")}]`;
  if (value && typeof value === "object") {
    const fields = Object.keys(value).map((k) => [k, toJson((value as Record<string, unknown>)[k])]);
    return `{${fields.filter(([, v]) => v).map(([k, v]) => `${quote(k!)}:${v}`).join(",")}}`;
  }
  return value === null ? "null" : "";
}
