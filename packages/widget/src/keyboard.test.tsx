import { fireEvent } from "@testing-library/preact";
import { describe, expect, test } from "vitest";
import { scoreButtons, show } from "./mount.test-support.js";

/** Presses each key on the focused score (starting at score `from`) and checks where focus lands. */
function expectMoves(root: ShadowRoot, from: number, moves: Array<[key: string, to: number]>) {
  const buttons = scoreButtons(root);
  let at = from;
  for (const [key, to] of moves) {
    fireEvent.keyDown(buttons[at]!, { key });
    expect(root.activeElement, `${key} from ${at}`).toBe(buttons[to]);
    at = to;
  }
}

describe("keyboard and focus", () => {
  test("focus moves in on show and back to the page on close", async () => {
    const trigger = document.body.appendChild(document.createElement("button"));
    trigger.focus();
    const { ui, root } = await show();
    expect(root.activeElement).toBe(ui.getByRole("dialog"));
    fireEvent.keyDown(root.activeElement!, { key: "Escape" });
    expect(document.activeElement).toBe(trigger);
  });

  test("focus is not taken back if the person already moved on in the page", async () => {
    const before = document.body.appendChild(document.createElement("button"));
    const elsewhere = document.body.appendChild(document.createElement("input"));
    before.focus();
    const { handle } = await show();
    elsewhere.focus();
    handle.close();
    expect(document.activeElement).toBe(elsewhere);
  });

  test.each([
    ["an input", () => document.createElement("input")],
    ["an email input", () => Object.assign(document.createElement("input"), { type: "email" })],
    ["a textarea", () => document.createElement("textarea")],
    [
      "a rich-text editor",
      () => {
        const editor = document.createElement("div");
        editor.setAttribute("contenteditable", "true");
        editor.tabIndex = 0;
        return editor;
      },
    ],
  ])(
    "someone typing in %s keeps their focus and hears the question; a modal survey still takes focus",
    async (_, create) => {
      const field = document.body.appendChild(create());
      field.focus();
      expect(document.activeElement).toBe(field);
      const { handle, ui } = await show();
      expect(document.activeElement).toBe(field);
      expect(ui.getByRole("status").textContent).toBe("How likely are you to recommend Acme to a friend or colleague?");
      handle.close();
      expect(document.activeElement).toBe(field);
      const modal = await show({ theme: { position: "center" } });
      expect(modal.root.activeElement).toBe(modal.ui.getByRole("dialog"));
      expect(modal.ui.getByRole("status").textContent).toBe(""); // focus on the named dialog says it already
    },
  );

  test.each([
    ["a submit input", () => Object.assign(document.createElement("input"), { type: "submit" })],
    ["a checkbox", () => Object.assign(document.createElement("input"), { type: "checkbox" })],
    ["a read-only input", () => Object.assign(document.createElement("input"), { readOnly: true })],
  ])("focus on %s (no typing there) moves into the survey", async (_, create) => {
    const control = document.body.appendChild(create());
    control.focus();
    expect(document.activeElement).toBe(control);
    const { root, ui } = await show();
    expect(root.activeElement).toBe(ui.getByRole("dialog"));
    expect(ui.getByRole("status").textContent).toBe("");
  });

  test("every score is its own tab stop; arrows, Home and End move between them too", async () => {
    const { root } = await show();
    const buttons = scoreButtons(root);
    const tabStops = () => buttons.filter((b) => b.tabIndex === 0).map((b) => b.textContent);
    const all = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"];
    expect(tabStops()).toEqual(all);
    expectMoves(root, 0, [
      ["ArrowRight", 1],
      ["ArrowDown", 2],
      ["ArrowLeft", 1],
    ]);
    expect(tabStops()).toEqual(all);
    expectMoves(root, 1, [
      ["End", 10],
      ["ArrowRight", 10],
      ["Home", 0],
      ["ArrowUp", 0],
      ["ArrowLeft", 0],
    ]);
    // Across the two halves of the scale (two rows on narrow screens), in both directions.
    expectMoves(root, 5, [
      ["ArrowRight", 6],
      ["ArrowLeft", 5],
    ]);
  });

  test("in RTL the horizontal arrows are mirrored, vertical ones are not", async () => {
    const { root } = await show({ locale: "ar" });
    expectMoves(root, 0, [
      ["ArrowLeft", 1],
      ["ArrowLeft", 2],
      ["ArrowRight", 1],
      ["ArrowDown", 2],
    ]);
  });

  test("Tab wraps inside the modal dialog", async () => {
    const { ui, root } = await show({ theme: { position: "center" } });
    const close = ui.getByRole("button", { name: "Close" });
    close.focus();
    fireEvent.keyDown(close, { key: "Tab" });
    expect(root.activeElement).toBe(ui.getByRole("button", { name: "0, Not at all likely" }));
    fireEvent.keyDown(root.activeElement!, { key: "Tab", shiftKey: true });
    expect(root.activeElement).toBe(close);
  });
});
