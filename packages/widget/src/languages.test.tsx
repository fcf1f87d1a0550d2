import { fireEvent } from "@testing-library/preact";
import { describe, expect, test } from "vitest";
import { cleanup, scoreButtons, show } from "./mount.test-support.js";

describe("languages", () => {
  test("de-AT gets German, with lang set", async () => {
    const { ui, root } = await show({ locale: "de-AT", product: undefined });
    expect(
      ui.getByRole("dialog", { name: "Wie wahrscheinlich ist es, dass Sie uns einem Freund oder Kollegen empfehlen?" }),
    ).toBeTruthy();
    expect(ui.getByRole("button", { name: "Schließen" })).toBeTruthy();
    expect(root.querySelector(".w")!.getAttribute("lang")).toBe("de");
    expect(root.querySelector(".w")!.getAttribute("dir")).toBe("ltr");
  });

  test.each(["he", "ar-EG"])("%s renders right-to-left", async (locale) => {
    const { root, ui } = await show({ locale });
    expect(root.querySelector(".w")!.getAttribute("dir")).toBe("rtl");
    fireEvent.click(ui.getByRole("button", { name: "9" }));
    expect(ui.getByRole("textbox").id).toBe("c");
  });

  test("an unknown locale falls back to English; digits stay ASCII in every language", async () => {
    const { ui } = await show({ locale: "xx-YY" });
    expect(ui.getByRole("button", { name: "Close" })).toBeTruthy();
    cleanup();
    const { root } = await show({ locale: "ar" });
    expect(scoreButtons(root).map((b) => b.textContent)).toEqual([
      "0",
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
      "9",
      "10",
    ]);
  });

  test("config texts override the built-in ones", async () => {
    const { ui } = await show({
      survey: {
        question: "Would you tell a friend about {product}?",
        followUp: { promoter: "Yay! Why?" },
        thankYou: "Cheers",
      },
    });
    expect(ui.getByRole("dialog", { name: "Would you tell a friend about Acme?" })).toBeTruthy();
    fireEvent.click(ui.getByRole("button", { name: "9" }));
    expect(ui.getByRole("textbox", { name: "Yay! Why?" })).toBeTruthy();
    fireEvent.click(ui.getByRole("button", { name: "Send" }));
    expect(ui.getByRole("status").textContent).toBe("Cheers");
  });
});
