// @vitest-environment jsdom
import { afterEach, expect, test, vi } from "vitest";
import { guardedConfig } from "./production-check.js";
import { loadRemoteConfig } from "./remote.js";

afterEach(() => vi.useRealTimers());

test("a configUrl that never answers (and no cached copy) ends in a problem, so init settles and npskit stays off", async () => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  const win = { fetch: () => new Promise<never>(() => {}), localStorage } as unknown as Window;
  const loading = loadRemoteConfig({ surveys: [] }, "https://config.example.com/npskit.json", win, guardedConfig);
  await vi.advanceTimersByTimeAsync(10_000);
  expect(await Promise.race([loading, Promise.resolve("still waiting")])).toEqual({
    problems: ["configUrl https://config.example.com/npskit.json could not be loaded: timed out"],
  });
});
