// Who is answering and where their data lives: the per-user state from core (ids, attributes,
// what they were asked) and the client that delivers responses. With `requireConsent`,
// everything stays in memory and nothing is sent until consent(true).
import type { Client } from "@npskit/client";
import {
  fallbackStorage,
  indexedDbBackend,
  loadUserState,
  MAX_USER_ID,
  memoryStorage,
  type KeyValueStorage,
  type NamedStorage,
  type NpsKitConfig,
  type SurveyOutcome,
  type SurveyResponse,
  type UserState,
  type UserStateStore,
} from "@npskit/core/runtime";
import type { EventName, NpsKit } from "../api.js";
import type { StartDelivery } from "../lazy-parts.js";
import type { Report } from "../sdk/safe-calls.js";
import { hasQueued } from "@npskit/client/outbox";

interface Identity {
  userId: string | null;
  attributes: Record<string, unknown>;
  /** Proof of `userId` (CONTRACT §4); stored only beside it, dropped when the identity changes. */
  userHash?: string | undefined;
}

/**
 * The identity after an identify() call: the same user keeps the attributes given before (new ones
 * win), another user starts afresh; a userHash proves its own user id only, never another one.
 */
function nextIdentity(previous: Identity, ...[userId, attributes, options]: Parameters<NpsKit["identify"]>): Identity {
  const id = typeof userId === "string" || typeof userId === "number" ? String(userId) : null;
  const same = id === previous.userId;
  const hash = options?.userHash;
  return {
    userId: id,
    attributes: same ? { ...previous.attributes, ...attributes } : { ...attributes },
    userHash: typeof hash === "string" ? hash : same ? previous.userHash : undefined,
  };
}

export interface SessionEnv {
  emit: (name: EventName, payload?: unknown) => void;
  report: Report;
  /** The delivery chunk: loaded beside a survey, or for answers earlier pages left behind. */
  loadClient: () => Promise<StartDelivery>;
  /** The localStorage fallback's chunk, if any (lazy-parts.ts). */
  loadStorage?: (() => Promise<NamedStorage>) | undefined;
}

/**
 * The device's storage: IndexedDB, else localStorage, else memory. The localStorage backend's
 * code loads on its first use: a page where IndexedDB works never downloads it.
 */
function deviceStorage(loadStorage: SessionEnv["loadStorage"]): KeyValueStorage {
  const local = { name: "localstorage" } as Record<string, unknown>;
  for (const op of ["get", "set", "del", "keys"]) {
    local[op] = async (...args: unknown[]) =>
      ((await loadStorage!()) as unknown as Record<string, (...a: unknown[]) => unknown>)[op]!(...args);
  }
  return fallbackStorage(
    [indexedDbBackend(), loadStorage && (local as unknown as NamedStorage)].filter((b) => b) as NamedStorage[],
  );
}

export function createSession(config: NpsKitConfig, env: SessionEnv) {
  let consented = !config.requireConsent;
  /** Without consent, nothing is written to the device. */
  const storageFor = (granted: boolean): KeyValueStorage =>
    granted ? deviceStorage(env.loadStorage) : memoryStorage();
  let storage = storageFor(consented);
  let store: UserStateStore | undefined;
  let client: Promise<Client> | undefined;
  let identity: Identity = { userId: null, attributes: {} };
  /** Destroyed: a load or a UI chunk still on its way starts no delivery that nothing would stop. */
  let stopped = false;
  const state = (): UserState => store!.get(); // every caller runs after load()

  function startClient(): Promise<Client> {
    return (client ??= env.loadClient().then(
      (start) => start(config, storage, env),
      (e: unknown) => {
        client = undefined;
        throw e;
      },
    ));
  }

  function stopClient(): void {
    void client?.then(
      (c) => c.destroy(),
      () => {},
    );
    client = undefined;
  }

  /** Earlier pages (or other tabs) left answers behind: deliver them now. */
  async function deliverLeftovers(): Promise<Client | undefined> {
    return !stopped && consented && (client || (await hasQueued(storage))) ? startClient() : undefined;
  }

  /** Writes the identity into the person's state (once it has loaded). */
  async function apply(): Promise<void> {
    const { userId, attributes, userHash } = identity;
    if (userId !== null) await store?.identify(userId, attributes, userHash);
    else if (Object.keys(attributes).length) await store?.setAttributes(attributes);
  }

  return {
    /** Loads the person's state and applies the identity given so far (identify before load only records it). */
    async load(): Promise<void> {
      store = await loadUserState(storage);
      await apply();
      void deliverLeftovers().catch((e: unknown) => env.report("delivery", e));
    },
    state,
    canShow: () => consented,
    /** Starts delivery for a survey on its way: ready long before a person can pick a score. */
    prepareDelivery: async () => void (stopped || (await startClient())),
    /** The respondent fields of a response (CONTRACT §4); the response builder in core bounds the attributes. */
    who() {
      const { userId, userHash, anonymousId, attributes } = state();
      return { userId: userId ?? null, ...(userHash ? { userHash } : {}), anonymousId, attributes };
    },
    async identify(...args: Parameters<NpsKit["identify"]>): Promise<void> {
      identity = nextIdentity(identity, ...args);
      // Still used for targeting, but never sent (the response builder leaves it out).
      if ((identity.userId?.length ?? 0) > MAX_USER_ID)
        env.report("identify", `userId is longer than ${MAX_USER_ID} characters: answers are sent without it`);
      await apply();
    },
    async record(surveyId: string, outcome: SurveyOutcome): Promise<void> {
      await store?.record(surveyId, outcome);
    },
    // Only reachable after consent: nothing is shown before it.
    submit: async (response: SurveyResponse) => (await startClient()).submit(response),
    flush: async () => (await deliverLeftovers())?.flush(),
    async consent(granted: boolean): Promise<void> {
      if (granted === consented) return;
      consented = granted;
      if (!granted) stopClient();
      // Granted: what is stored from earlier visits wins (nothing was shown or answered before).
      storage = storageFor(granted);
      store = await loadUserState(storage);
      await apply();
      if (granted) await deliverLeftovers();
    },
    async reset(): Promise<void> {
      identity = { userId: null, attributes: {} };
      await store?.reset();
    },
    destroy() {
      stopped = true;
      stopClient();
    },
  };
}

export type Session = ReturnType<typeof createSession>;
