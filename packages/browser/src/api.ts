// The public browser API (CONTRACT §2), named once so the snippet, the replay and the SDK agree.
import type { NpsKitConfigInput } from "@npskit/core/runtime";

/** Every method of `window.npskit`, in the order the contract lists them. */
export const METHODS = [
  "init",
  "identify",
  "track",
  "page",
  "show",
  "explain",
  "on",
  "off",
  "consent",
  "flush",
  "reset",
  "destroy",
] as const;

export type MethodName = (typeof METHODS)[number];

/** Methods whose result is a promise: the snippet hands out a promise that settles on replay. */
export const PROMISE_METHODS: readonly MethodName[] = ["explain", "flush"];

export type EventName = "ready" | "shown" | "answered" | "completed" | "dismissed" | "delivered" | "error";
// biome-ignore lint/suspicious/noExplicitAny: each event has its own payload (CONTRACT §2); listeners name the type they expect
export type Listener = (payload: any) => void;

export interface Explanation {
  eligible: boolean;
  reasons: string[];
  nextEligibleAt?: string;
}

export type Attributes = Record<string, string | number | boolean | null>;

export interface IdentifyOptions {
  /** HMAC-SHA256(secret, userId) in hex, computed by the host's server: lets a collector trust the id. */
  userHash?: string;
}

/** What `window.npskit` and `createNpsKit()` give a host page. No method ever throws. */
export interface NpsKit {
  /** Checked at run time too: an invalid config is reported on the console, never thrown. */
  init(config: NpsKitConfigInput): void;
  identify(userId: string | null, attributes?: Attributes, options?: IdentifyOptions): void;
  track(event: string, properties?: Record<string, unknown>): void;
  page(): void;
  show(surveyId: string, options?: { force?: boolean }): void;
  explain(surveyId: string): Promise<Explanation>;
  on(name: EventName, fn: Listener): void;
  off(name: EventName, fn: Listener): void;
  consent(granted: boolean): void;
  flush(): Promise<void>;
  reset(): void;
  destroy(): void;
}

/** One recorded call: `[method, ...args]`, plus the resolver of the promise the stub returned. */
export type BufferedCall = [MethodName, ...unknown[]] & { resolve?: (value: unknown) => void };

/** The stub the snippet installs: the API, plus the buffer of calls made before npskit.js arrived. */
export type SnippetStub = Record<MethodName, (...args: unknown[]) => unknown> & { q: BufferedCall[] };
