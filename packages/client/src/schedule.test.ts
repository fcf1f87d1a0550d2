import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { createSchedule } from "./schedule.js";

beforeEach(() => void vi.useFakeTimers({ now: 0 }));
afterEach(() => void vi.useRealTimers());

test("one timer, firing at the earliest due time with every id due by then", () => {
  const retry = vi.fn();
  const schedule = createSchedule(Date.now, retry);
  schedule.set("a", 5_000);
  schedule.set("b", 2_000);
  schedule.set("c", 2_000);
  expect(vi.getTimerCount()).toBe(1);
  vi.advanceTimersByTime(1_999);
  expect(retry).not.toHaveBeenCalled();
  vi.advanceTimersByTime(1);
  expect(retry).toHaveBeenCalledWith(["b", "c"]);
});

test("Infinity forgets an id; stop cancels everything for good", () => {
  const retry = vi.fn();
  const schedule = createSchedule(Date.now, retry);
  schedule.set("a", 1_000);
  schedule.set("a", Infinity);
  expect(vi.getTimerCount()).toBe(0);
  schedule.set("b", 1_000);
  schedule.stop();
  schedule.set("c", 1_000);
  vi.advanceTimersByTime(10_000);
  expect(retry).not.toHaveBeenCalled();
  expect(vi.getTimerCount()).toBe(0);
});

test("a timer that fires before the clock says it is due re-arms instead of dropping the retry", () => {
  let skew = 0;
  const retry = vi.fn();
  const schedule = createSchedule(() => Date.now() + skew, retry);
  schedule.set("a", 1_000);
  skew = -5; // e.g. the clock was adjusted while the timer ran
  vi.advanceTimersByTime(1_000);
  expect(retry).not.toHaveBeenCalled();
  expect(vi.getTimerCount()).toBe(1);
  vi.advanceTimersByTime(5);
  expect(retry).toHaveBeenCalledWith(["a"]);
});
