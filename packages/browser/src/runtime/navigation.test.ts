// @vitest-environment jsdom
import { afterEach, expect, test, vi } from "vitest";
import { watchNavigation } from "./navigation.js";

const stops: Array<() => void> = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

test("pushState and replaceState to a new URL each report one page view", () => {
  const onChange = vi.fn();
  stops.push(watchNavigation(window, onChange));
  history.pushState({}, "", "/a");
  history.replaceState({}, "", "/a"); // same URL: not a new page
  history.replaceState({}, "", "/b");
  expect(onChange).toHaveBeenCalledTimes(2);
});

test("back/forward (popstate) reports a page view when the URL changed", () => {
  const onChange = vi.fn();
  const unpatchedPush = history.pushState.bind(history);
  stops.push(watchNavigation(window, onChange));
  unpatchedPush({}, "", "/went-back"); // what the browser does to location on back/forward
  window.dispatchEvent(new PopStateEvent("popstate"));
  window.dispatchEvent(new PopStateEvent("popstate")); // same URL again: nothing new
  expect(onChange).toHaveBeenCalledTimes(1);
});

test("stopping restores the original history methods", () => {
  const push = history.pushState;
  const replace = history.replaceState;
  const stop = watchNavigation(window, () => {});
  expect(history.pushState).not.toBe(push);
  stop();
  expect(history.pushState).toBe(push);
  expect(history.replaceState).toBe(replace);
});

test("a wrapper added by the page after ours stays in place, and ours goes quiet", () => {
  const onChange = vi.fn();
  const stop = watchNavigation(window, onChange);
  const ours = history.pushState;
  const theirs = function (this: History, ...args: Parameters<History["pushState"]>) {
    return ours.apply(this, args);
  };
  history.pushState = theirs;
  stop();
  expect(history.pushState).toBe(theirs);
  history.pushState({}, "", "/after-stop");
  expect(onChange).not.toHaveBeenCalled();
});

test("uses the Navigation API when present, without touching history", () => {
  const listeners = new Set<() => void>();
  const navigation = {
    addEventListener: (_: string, fn: () => void) => listeners.add(fn),
    removeEventListener: (_: string, fn: () => void) => listeners.delete(fn),
  };
  const push = history.pushState;
  const win = Object.create(window, {
    navigation: { value: navigation },
    location: { get: () => window.location },
  }) as Window;
  const onChange = vi.fn();
  const stop = watchNavigation(win, onChange);
  expect(history.pushState).toBe(push);
  history.pushState({}, "", "/via-navigation-api");
  listeners.forEach((fn) => fn());
  expect(onChange).toHaveBeenCalledTimes(1);
  stop();
  expect(listeners.size).toBe(0);
});
