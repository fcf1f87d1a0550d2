// Test page entry for the client's browser tests: a client over core's storage (IndexedDB here),
// driven from the test through `window.npsTest`. Bundled with bundleForBrowser.
import { createStorage, type SurveyResponse } from "@npskit/core";
import { createClient, type Client, type ClientTarget } from "@npskit/client";

export interface StartOptions {
  endpoint: string;
  /** Always draw the top of the jitter range: the first retry comes at ~5 s. */
  slowRetries?: boolean;
  /** Hide Web Locks from the client, so tabs coordinate through the storage lease. */
  noLocks?: boolean;
  maxQueued?: number;
}

const storage = createStorage();
const events: Array<{ name: string; detail: unknown }> = [];
let client: Client | undefined;

function start(options: StartOptions) {
  const target: ClientTarget | undefined = options.noLocks
    ? {
        addEventListener: (type, fn) => window.addEventListener(type, fn),
        removeEventListener: (type, fn) => window.removeEventListener(type, fn),
        document,
        navigator: {},
      }
    : undefined;
  client = createClient({
    storage,
    endpoint: options.endpoint,
    ...(target && { target }),
    ...(options.slowRetries && { random: () => 0.999 }),
    ...(options.maxQueued && { maxQueued: options.maxQueued }),
  });
  client.on("delivered", (detail) => events.push({ name: "delivered", detail }));
  client.on("error", (detail) => events.push({ name: "error", detail }));
}

const npsTest = {
  start,
  events,
  submit: (r: SurveyResponse) => client!.submit(r),
  flush: () => client!.flush(),
  queued: () => storage.keys("npskit:q:"),
  backend: () => storage.backend(),
};
declare global {
  interface Window {
    npsTest: typeof npsTest;
  }
}
window.npsTest = npsTest;
