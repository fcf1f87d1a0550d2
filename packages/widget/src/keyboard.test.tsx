import { fireEvent } from "@testing-library/preact";
import { describe, expect, test } from "vitest";
import { scoreButtons, show } from "./mount.test-support.js";

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

  test("one tab stop; arrows, Home and End move it", async () => {
    const { root } = await show();
    const buttons = scoreButtons(root);
    const tabStops = () => buttons.filter((b) => b.tabIndex === 0).map((b) => b.textContent);
    expect(tabStops()).toEqual(["0"]);
    fireEvent.keyDown(buttons[0]!, { key: "ArrowRight" });
    expect(root.activeElement).toBe(buttons[1]);
    fireEvent.keyDown(buttons[1]!, { key: "ArrowDown" });
    expect(root.activeElement).toBe(buttons[2]);
    fireEvent.keyDown(buttons[2]!, { key: "ArrowLeft" });
    expect(root.activeElement).toBe(buttons[1]);
    expect(tabStops()).toEqual(["1"]);
    fireEvent.keyDown(buttons[1]!, { key: "End" });
    expect(root.activeElement).toBe(buttons[10]);
    fireEvent.keyDown(buttons[10]!, { key: "ArrowRight" });
    expect(root.activeElement).toBe(buttons[10]);
    fireEvent.keyDown(buttons[10]!, { key: "Home" });
    expect(root.activeElement).toBe(buttons[0]);
    fireEvent.keyDown(buttons[0]!, { key: "ArrowUp" });
    expect(root.activeElement).toBe(buttons[0]);
  });

  test("in RTL the horizontal arrows are mirrored, vertical ones are not", async () => {
    const { root } = await show({ locale: "ar" });
    const buttons = scoreButtons(root);
    fireEvent.keyDown(buttons[0]!, { key: "ArrowLeft" });
    expect(root.activeElement).toBe(buttons[1]);
    fireEvent.keyDown(buttons[1]!, { key: "ArrowLeft" });
    expect(root.activeElement).toBe(buttons[2]);
    fireEvent.keyDown(buttons[2]!, { key: "ArrowRight" });
    expect(root.activeElement).toBe(buttons[1]);
    fireEvent.keyDown(buttons[1]!, { key: "ArrowDown" });
    expect(root.activeElement).toBe(buttons[2]);
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
