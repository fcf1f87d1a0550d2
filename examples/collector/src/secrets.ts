// Comparing secrets: the write key, the read token and the userHash that proves a user id.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

const digest = (text: string) => createHash("sha256").update(text).digest();

/**
 * Constant-time comparison, so a secret cannot be guessed byte by byte from response times; both
 * sides are hashed first, so not even the length leaks.
 */
export function sameSecret(given: string | undefined, expected: string): boolean {
  return given !== undefined && timingSafeEqual(digest(given), digest(expected));
}

/** What the host's server computes for `identify(userId, attributes, { userHash })`: HMAC-SHA256, hex. */
export const userHashOf = (secret: string, userId: string): string =>
  createHmac("sha256", secret).update(userId).digest("hex");

/** Whether `userHash` proves `userId` under `secret` (hex in either case). */
export const provesUser = (secret: string, userId: string, userHash: string | undefined): boolean =>
  userHash !== undefined && sameSecret(userHash.toLowerCase(), userHashOf(secret, userId));
