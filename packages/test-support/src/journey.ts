// The setup every browser test file shares: one Chromium and one test server for the file, closed
// after it; optionally a fresh browser context and an empty collector log for every test.
import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";
import { launchChromium, type Browser, type BrowserContext } from "./chromium.js";
import { startServer, type TestServer } from "./server.js";

export interface JourneyOptions {
  /**
   * Every test gets its own browser context (own IndexedDB, storage and cookies) and starts with
   * the fake collector's log, scripted answers and JavaScript byte counts emptied.
   */
  freshContext?: boolean;
}

export interface Journey {
  readonly browser: Browser;
  readonly server: TestServer;
  /** The current test's context; only with `freshContext`. */
  readonly context: BrowserContext;
}

/** Registers the hooks of a browser test file; read the returned getters inside tests and hooks. */
export function useBrowserAndServer({ freshContext = false }: JourneyOptions = {}): Journey {
  let browser: Browser | undefined;
  let server: TestServer | undefined;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), startServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  if (freshContext) {
    beforeEach(async () => {
      context = await journey.browser.newContext();
      resetCollector(journey.server);
    });
    afterEach(async () => {
      await context?.close();
      context = undefined;
    });
  }
  const journey: Journey = {
    get browser() {
      return browser ?? notReady("browser");
    },
    get server() {
      return server ?? notReady("server");
    },
    get context() {
      return context ?? notReady("context (pass freshContext: true)");
    },
  };
  return journey;
}

/** Forgets what the fake collector received and was told to answer, and the JavaScript served. */
export function resetCollector(server: TestServer): void {
  server.received.length = 0;
  server.collectStatuses.length = 0;
  server.collectHeaders.length = 0;
  server.jsBytes.clear();
}

/** Waits for a condition (chunks load, IndexedDB opens, requests land: seconds, not a tick). */
export const poll = <T>(fn: () => T | Promise<T>, timeout = 10_000) => expect.poll(fn, { timeout, interval: 100 });

function notReady(what: string): never {
  throw new Error(`e2e ${what} is not ready: use it inside a test or hook`);
}
