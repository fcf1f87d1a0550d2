import { expect, test, vi } from "vitest";
import { createTurns } from "./turns.js";

test("calls run in order after ready, each after the previous one finished", async () => {
  let open!: () => void;
  const turns = createTurns(new Promise<void>((resolve) => (open = resolve)), vi.fn());
  const log: string[] = [];
  void turns.take("a", async () => {
    await new Promise((r) => setTimeout(r, 10));
    log.push("a");
  });
  void turns.take("b", () => log.push("b"));
  expect(log).toEqual([]);
  open();
  await turns.settled();
  expect(log).toEqual(["a", "b"]);
});

test("a failing call is reported and the next one still runs; nothing runs once stopped", async () => {
  const report = vi.fn();
  const turns = createTurns(Promise.resolve(), report);
  const failed = turns.take("bad", () => {
    throw new Error("boom");
  });
  const next = turns.take("good", () => 42);
  await expect(failed).rejects.toThrow("boom");
  expect(await next).toBe(42);
  expect(report).toHaveBeenCalledWith("bad", expect.objectContaining({ message: "boom" }));
  turns.stop();
  expect(await turns.take("late", () => 1)).toBeUndefined();
});
