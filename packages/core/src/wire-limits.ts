// Bounds of the wire format (CONTRACT §4). The response schema enforces them on the backend; the
// SDK applies them before sending, without zod, so it never sends what a backend rejects.

/** Attributes per answer, characters per attribute name, characters per text value: enough for real products. */
export const MAX_ATTRIBUTES = 50;
export const MAX_ATTRIBUTE_NAME = 64;
export const MAX_ATTRIBUTE_TEXT = 500;
/** Characters of the page address sent with an answer. */
export const MAX_URL = 2048;
/** Characters of a user id on the wire. */
export const MAX_USER_ID = 200;

/** Answer times (createdAt, updatedAt) a backend accepts: from 2000-01-01 up to, not including, 2100-01-01. */
export const ANSWER_TIME_WINDOW = { from: 946_684_800_000, to: 4_102_444_800_000 } as const;

export type WireAttributes = Record<string, string | number | boolean | null>;

/**
 * The attributes that go on the wire: scalars only (objects and lists stay local, for targeting),
 * the first MAX_ATTRIBUTES names of 1 to MAX_ATTRIBUTE_NAME characters, text cut to MAX_ATTRIBUTE_TEXT.
 */
export function wireAttributes(attributes: Record<string, unknown>): WireAttributes {
  const out: WireAttributes = {};
  let kept = 0;
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== null && !["string", "number", "boolean"].includes(typeof value)) continue;
    if (!key || key.length > MAX_ATTRIBUTE_NAME || kept++ >= MAX_ATTRIBUTES) continue;
    out[key] = typeof value === "string" ? cutText(value, MAX_ATTRIBUTE_TEXT) : (value as WireAttributes[string]);
  }
  return out;
}

/** `text` cut to `max` UTF-16 units, never between the two halves of a character such as an emoji. */
export function cutText(text: string, max: number): string {
  const cut = text.slice(0, max);
  // A high surrogate alone at the end would be unreadable text (and a database refuses it).
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}
