// Per-user state: who the user is (anonymous id, user id, attributes) and what they were asked
// (per-survey history). Pure transitions plus a small store persisting them through the
// injected KeyValueStorage.
import type { KeyValueStorage } from "./storage.js";
import type { Attributes } from "./targeting.js";
import type { SurveyHistory, ThrottleState } from "./throttle.js";
import { systemClock, type Clock } from "./clock.js";
import { isRecord } from "./values.js";

export interface UserState extends ThrottleState {
  anonymousId: string;
  userId?: string;
  /** Proof of `userId` from the host's server (CONTRACT §4): kept only beside the id it belongs to. */
  userHash?: string;
  attributes: Attributes;
}

export type SurveyOutcome = "shown" | "dismissed" | "answered";

export const USER_STATE_KEY = "state:user";

/** A random v4 UUID: crypto.randomUUID (secure contexts), else getRandomValues (every browser npskit supports). */
export function randomId(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === "function") return c.randomUUID();
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const newUserState = (anonymousId: string = randomId()): UserState => ({
  anonymousId,
  attributes: {},
  surveys: {},
});

/** The id sampling uses: stable across devices once identified. */
export const userKeyOf = (state: Pick<UserState, "userId" | "anonymousId">) => state.userId ?? state.anonymousId;

/**
 * Switch to `userId`. Anonymous → identified keeps the history (the same person just logged in);
 * another user starts fresh, with a new anonymous id, so user B never inherits user A's history
 * (nor A's userHash). The same user identified again without a hash keeps the one given before.
 */
export function identifyState(
  state: UserState,
  userId: string,
  attributes: Attributes = {},
  newId = randomId,
  userHash?: string,
): UserState {
  const proof = userHash ? { userHash } : {};
  if (state.userId !== undefined && state.userId !== userId)
    return { ...newUserState(newId()), userId, ...proof, attributes: { ...attributes } };
  return { ...state, userId, ...proof, attributes: { ...state.attributes, ...attributes } };
}

export const withAttributes = (state: UserState, attributes: Attributes): UserState => ({
  ...state,
  attributes: { ...state.attributes, ...attributes },
});

/** Record what happened with a survey at `now`. */
export function recordOutcome(state: UserState, surveyId: string, outcome: SurveyOutcome, now: number): UserState {
  const before: SurveyHistory = state.surveys[surveyId] ?? { displays: 0 };
  const after: SurveyHistory =
    outcome === "shown"
      ? { ...before, displays: before.displays + 1, lastShownAt: now }
      : outcome === "dismissed"
        ? { ...before, lastDismissedAt: now }
        : { ...before, displays: 0, lastAnsweredAt: now };
  const next: UserState = { ...state, surveys: { ...state.surveys, [surveyId]: after } };
  return outcome === "shown" ? { ...next, lastSurveyShownAt: now } : next;
}

const time = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

/** Read a stored state defensively: old or corrupt data becomes a fresh state, not a crash. */
export function sanitizeState(raw: unknown): UserState | undefined {
  if (!isRecord(raw) || typeof raw.anonymousId !== "string" || !raw.anonymousId) return undefined;
  const state = newUserState(raw.anonymousId);
  if (typeof raw.userId === "string") state.userId = raw.userId;
  if (state.userId !== undefined && typeof raw.userHash === "string") state.userHash = raw.userHash;
  if (isRecord(raw.attributes)) state.attributes = { ...raw.attributes };
  const last = time(raw.lastSurveyShownAt);
  if (last !== undefined) state.lastSurveyShownAt = last;
  for (const [id, h] of Object.entries(isRecord(raw.surveys) ? raw.surveys : {})) {
    if (!isRecord(h)) continue;
    const history: SurveyHistory = { displays: time(h.displays) ?? 0 };
    for (const key of ["lastShownAt", "lastDismissedAt", "lastAnsweredAt"] as const) {
      const t = time(h[key]);
      if (t !== undefined) history[key] = t;
    }
    state.surveys[id] = history;
  }
  return state;
}

export interface UserStateStore {
  /** The current state (a snapshot; never mutate it). */
  get(): UserState;
  identify(userId: string, attributes?: Attributes, userHash?: string): Promise<UserState>;
  setAttributes(attributes: Attributes): Promise<UserState>;
  record(surveyId: string, outcome: SurveyOutcome): Promise<UserState>;
  /** Logout: forget the user id, attributes and history; a new anonymous id. */
  reset(): Promise<UserState>;
}

export interface UserStateOptions {
  clock?: Clock;
  newId?: () => string;
}

/** Load (or create) the user's state from `storage` and keep it there on every change. */
export async function loadUserState(storage: KeyValueStorage, options: UserStateOptions = {}): Promise<UserStateStore> {
  const clock = options.clock ?? systemClock;
  const newId = options.newId ?? randomId;
  const read = async () => sanitizeState(await storage.get(USER_STATE_KEY));
  const stored = await read();
  let current = stored ?? newUserState(newId());
  // Only a new state is written now; a stored one is already there (and sanitised on every read).
  if (!stored) await storage.set(USER_STATE_KEY, current);

  // Read-modify-write: tabs share one storage, so a change another tab made meanwhile is kept.
  const update = async (change: (s: UserState) => UserState) => {
    current = change((await read()) ?? current);
    await storage.set(USER_STATE_KEY, current);
    return current;
  };

  /**
   * Whether the state already says this: then nothing is read or written (a returning visitor's
   * page view identifies the same person with the same attributes on every page).
   */
  const known = (attributes: Attributes = {}, userId = current.userId) =>
    userId === current.userId && Object.keys(attributes).every((k) => Object.is(current.attributes[k], attributes[k]));
  const unlessKnown = (same: boolean, change: (s: UserState) => UserState) =>
    same ? Promise.resolve(current) : update(change);

  return {
    get: () => current,
    identify: (userId, attributes, userHash) =>
      unlessKnown(known(attributes, userId) && (userHash === undefined || userHash === current.userHash), (s) =>
        identifyState(s, userId, attributes, newId, userHash),
      ),
    setAttributes: (attributes) => unlessKnown(known(attributes), (s) => withAttributes(s, attributes)),
    record: (surveyId, outcome) => update((s) => recordOutcome(s, surveyId, outcome, clock())),
    reset: () => update(() => newUserState(newId())),
  };
}
