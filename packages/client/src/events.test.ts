import { expect, test, vi } from "vitest";
import { createEmitter } from "./events.js";

test("listeners get the detail; off and the returned function stop them; a throwing one is contained", () => {
  const events = createEmitter<{ delivered: { id: string } }>();
  const a = vi.fn();
  const b = vi.fn();
  events.on("delivered", () => {
    throw new Error("host bug");
  });
  const stopA = events.on("delivered", a);
  events.on("delivered", b);
  events.emit("delivered", { id: "1" });
  stopA();
  events.off("delivered", b);
  events.emit("delivered", { id: "2" });
  expect(a.mock.calls).toEqual([[{ id: "1" }]]);
  expect(b.mock.calls).toEqual([[{ id: "1" }]]);
  events.on("delivered", a);
  events.clear();
  events.emit("delivered", { id: "3" });
  expect(a).toHaveBeenCalledOnce();
});
