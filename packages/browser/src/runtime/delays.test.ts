import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { createDelays } from "./delays.js";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

test("a survey fires once its delay ends; a newer trigger starts its delay over", () => {
  const delays = createDelays(globalThis as unknown as Window);
  const fire = vi.fn();
  delays.start("nps", 5000, fire);
  vi.advanceTimersByTime(4000);
  delays.start("nps", 5000, fire);
  vi.advanceTimersByTime(4000);
  expect(fire).not.toHaveBeenCalled();
  vi.advanceTimersByTime(1000);
  expect(fire).toHaveBeenCalledTimes(1);
});

test("cancelAll stops every waiting survey", () => {
  const delays = createDelays(globalThis as unknown as Window);
  const fire = vi.fn();
  delays.start("a", 100, fire);
  delays.start("b", 200, fire);
  delays.cancelAll();
  vi.advanceTimersByTime(1000);
  expect(fire).not.toHaveBeenCalled();
});
