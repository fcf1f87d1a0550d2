import { expect, test, vi } from "vitest";
import { createPresenter, type Ask } from "./presenter.js";

const survey = { id: "nps-q4", kind: "nps" as const };
type AskSurvey = Ask<{ id: string; kind: "nps" }, object>;
const hooks = () => ({});

function setup(load?: () => Promise<AskSurvey>) {
  const asked: Array<{ id: string; done: () => void; remove: ReturnType<typeof vi.fn> }> = [];
  const ask: AskSurvey = (s, h) => {
    const remove = vi.fn();
    asked.push({ id: s.id, done: h.done, remove });
    return remove;
  };
  return { presenter: createPresenter(load ?? (async () => ask), hooks), asked };
}

test("shows one survey at a time, until it is done", async () => {
  const { presenter, asked } = setup();
  const [first, second] = await Promise.all([
    presenter.present(survey),
    presenter.present({ id: "other", kind: "nps" }),
  ]);
  expect([first, second]).toEqual([true, false]);
  expect(presenter.showing()).toBe("nps-q4");
  asked[0]!.done();
  expect(presenter.showing()).toBeUndefined();
  expect(await presenter.present({ id: "other", kind: "nps" })).toBe(true);
  expect(asked.map((a) => a.id)).toEqual(["nps-q4", "other"]);
});

test("close removes every survey still on screen, including a completed one thanking the person", async () => {
  const { presenter, asked } = setup();
  await presenter.present(survey);
  asked[0]!.done(); // completed: thank-you showing
  await presenter.present({ id: "other", kind: "nps" });
  presenter.close();
  expect(asked.map((a) => a.remove.mock.calls.length)).toEqual([1, 1]);
  expect(presenter.showing()).toBeUndefined();
});

test("chunks that fail to load free the screen and reject", async () => {
  const { presenter } = setup(async () => {
    throw new Error("offline");
  });
  await expect(presenter.present(survey)).rejects.toThrow("offline");
  expect(presenter.showing()).toBeUndefined();
});

test("close() while the chunks load means the survey never mounts", async () => {
  let release!: () => void;
  const ask = vi.fn(() => () => {});
  const { presenter } = setup(() => new Promise((resolve) => (release = () => resolve(ask))));
  const shown = presenter.present(survey);
  presenter.close();
  release();
  expect(await shown).toBe(false);
  expect(ask).not.toHaveBeenCalled();
});
