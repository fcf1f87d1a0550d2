import { expect, test, vi } from "vitest";
import { createEmitter } from "./events.js";

test("listeners receive payloads until removed", () => {
  const emitter = createEmitter(() => {});
  const fn = vi.fn();
  emitter.on("shown", fn);
  emitter.emit("shown", { surveyId: "a" });
  emitter.off("shown", fn);
  emitter.emit("shown", { surveyId: "b" });
  expect(fn).toHaveBeenCalledTimes(1);
  expect(fn).toHaveBeenCalledWith({ surveyId: "a" });
});

test("a ready listener added after ready fired is called at once", () => {
  const emitter = createEmitter(() => {});
  emitter.emit("ready", { userId: null });
  const late = vi.fn();
  emitter.on("ready", late);
  expect(late).toHaveBeenCalledWith({ userId: null });
});

test("a throwing listener is reported and does not stop the others", () => {
  const report = vi.fn();
  const emitter = createEmitter(report);
  const second = vi.fn();
  emitter.on("answered", () => {
    throw new Error("host bug");
  });
  emitter.on("answered", second);
  emitter.emit("answered", 1);
  expect(report).toHaveBeenCalledWith(expect.objectContaining({ message: "host bug" }));
  expect(second).toHaveBeenCalled();
});

test("clear forgets listeners and the ready state", () => {
  const emitter = createEmitter(() => {});
  const fn = vi.fn();
  emitter.on("ready", fn);
  emitter.emit("ready");
  emitter.clear();
  emitter.emit("ready");
  const late = vi.fn();
  emitter.clear();
  emitter.on("ready", late);
  expect(fn).toHaveBeenCalledTimes(1);
  expect(late).not.toHaveBeenCalled();
});
