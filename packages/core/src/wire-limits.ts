// Bounds of the wire format (CONTRACT §4). The response schema enforces them on the backend; the
// SDK applies them before sending, without zod, so it never sends what a backend rejects.

/** Attributes sent with an answer: enough for real products, small enough to export and report on. */
export const ATTRIBUTE_LIMITS = { count: 50, keyLength: 64, valueLength: 500 } as const;

/** Answer times (createdAt, updatedAt) a backend accepts: from 2000-01-01 up to, not including, 2100. */
export const ANSWER_TIME_WINDOW = { from: Date.UTC(2000, 0, 1), to: Date.UTC(2100, 0, 1) } as const;

export type WireAttributes = Record<string, string | number | boolean | null>;

/**
 * The attributes that go on the wire: scalars only (objects and lists stay local, for targeting),
 * at most `count` keys of at most `keyLength` characters, text cut to `valueLength`. `problems`
 * says what was left out or cut, for a warning at `identify()` time.
 */
export function wireAttributes(attributes: Record<string, unknown>): { attributes: WireAttributes; problems: string[] } {
  const { count, keyLength, valueLength } = ATTRIBUTE_LIMITS;
  const out: WireAttributes = {};
  const problems: string[] = [];
  let kept = 0;
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== null && !["string", "number", "boolean"].includes(typeof value)) continue;
    if (!key || key.length > keyLength) problems.push(`attribute "${key.slice(0, 20)}…" not sent: names are 1 to ${keyLength} characters`);
    else if (kept++ >= count) problems.push(`attribute "${key}" not sent: at most ${count} attributes are sent`);
    else if (typeof value == "string" && value.length > valueLength) {
      out[key] = value.slice(0, valueLength);
      problems.push(`attribute "${key}" cut to ${valueLength} characters`);
    } else out[key] = value as WireAttributes[string];
  }
  return { attributes: out, problems };
}
