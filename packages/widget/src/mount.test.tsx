import { fireEvent, waitFor } from "@testing-library/preact";
import { describe, expect, test, vi } from "vitest";
import { mountSurvey, THANKS_MS } from "./mount.js";
import { names, scoreButtons, show } from "./mount.test-support.js";

describe("NPS flow", () => {
  test("question with the product, a named dialog, 0–10 whose names start with the number", async () => {
    const { ui, root } = await show();
    const dialog = ui.getByRole("dialog", { name: "How likely are you to recommend Acme to a friend or colleague?" });
    expect(dialog.hasAttribute("aria-modal")).toBe(false);
    expect(names(scoreButtons(root))).toEqual([
      "0, Not at all likely",
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
      "9",
      "10, Extremely likely",
    ]);
    expect(ui.getByText("Not at all likely").textContent).toBe("Not at all likely");
    expect(ui.getByRole("button", { name: "Close" })).toBeTruthy();
    expect(ui.queryByRole("textbox")).toBeNull();
  });

  test("picking reports the score at once, asks the follow-up, Send completes, thanks, then closes itself", async () => {
    const { ui, root, host, onScore, onComplete, onDismiss } = await show();
    vi.useFakeTimers();
    fireEvent.click(ui.getByRole("button", { name: "9" }));
    expect(onScore).toHaveBeenCalledWith(9);
    expect(ui.getByRole("button", { name: "9" }).getAttribute("aria-pressed")).toBe("true");
    const box = ui.getByRole("textbox", { name: "What do you like most?" }) as HTMLTextAreaElement;
    expect(root.activeElement).toBe(box);
    expect(box.maxLength).toBe(1000);
    fireEvent.input(box, { target: { value: "  Fast and simple " } });
    expect(ui.getByText("18/1000")).toBeTruthy();
    fireEvent.click(ui.getByRole("button", { name: "Send" }));
    expect(onComplete).toHaveBeenCalledWith({ score: 9, comment: "Fast and simple" });
    expect(ui.getByRole("status").textContent).toBe("Thank you for your feedback!");
    expect(ui.getByRole("dialog", { name: "Thank you for your feedback!" })).toBe(root.activeElement);
    expect(ui.queryByRole("textbox")).toBeNull();
    vi.advanceTimersByTime(THANKS_MS);
    expect(host.isConnected).toBe(false);
    expect(onDismiss).not.toHaveBeenCalled();
  });

  test.each([
    [10, "What do you like most?"],
    [7, "What could we do better?"],
    [8, "What could we do better?"],
    [6, "What was missing or disappointing?"],
    [0, "What was missing or disappointing?"],
  ])("score %i asks the follow-up of its category", async (score, followUp) => {
    const { ui } = await show();
    fireEvent.click(ui.getByRole("button", { name: new RegExp(`^${score}\\b`) }));
    expect(ui.getByRole("textbox", { name: followUp })).toBeTruthy();
  });

  test("changing the score reports again and keeps the comment", async () => {
    const { ui, onScore, onComplete } = await show();
    fireEvent.click(ui.getByRole("button", { name: "3" }));
    fireEvent.input(ui.getByRole("textbox"), { target: { value: "slow" } });
    fireEvent.click(ui.getByRole("button", { name: "8" }));
    expect(onScore.mock.calls).toEqual([[3], [8]]);
    expect((ui.getByRole("textbox", { name: "What could we do better?" }) as HTMLTextAreaElement).value).toBe("slow");
    fireEvent.click(ui.getByRole("button", { name: "Send" }));
    expect(onComplete).toHaveBeenCalledWith({ score: 8, comment: "slow" });
  });

  test("the remaining length is announced politely near the limit, after typing pauses", async () => {
    const { ui, root } = await show();
    fireEvent.click(ui.getByRole("button", { name: "5" }));
    vi.useFakeTimers();
    const live = root.querySelector("[aria-live=polite]")!;
    fireEvent.input(ui.getByRole("textbox"), { target: { value: "x".repeat(500) } });
    await vi.advanceTimersByTimeAsync(2000);
    expect(live.textContent).toBe("");
    fireEvent.input(ui.getByRole("textbox"), { target: { value: "x".repeat(950) } });
    await vi.advanceTimersByTimeAsync(300);
    expect(live.textContent).toBe("");
    await vi.advanceTimersByTimeAsync(1000);
    expect(live.textContent).toBe("Characters left: 50");
  });
});

describe("kinds", () => {
  test("eNPS uses employee wording on the 0–10 scale", async () => {
    const { ui, root } = await show({ survey: { kind: "enps" } });
    expect(ui.getByRole("dialog", { name: "How likely are you to recommend Acme as a place to work?" })).toBeTruthy();
    expect(scoreButtons(root)).toHaveLength(11);
  });

  test("CSAT is 1–5 with satisfaction labels; 4 is top box", async () => {
    const { ui, root, onScore } = await show({ survey: { kind: "csat" } });
    expect(ui.getByRole("dialog", { name: "How satisfied are you with Acme?" })).toBeTruthy();
    expect(names(scoreButtons(root))).toEqual(["1, Very dissatisfied", "2", "3", "4", "5, Very satisfied"]);
    fireEvent.click(ui.getByRole("button", { name: "4" }));
    expect(onScore).toHaveBeenCalledWith(4);
    expect(ui.getByRole("textbox", { name: "What do you like most?" })).toBeTruthy();
  });

  test("CES is 1–7 with ease labels; 3 is bottom box", async () => {
    const { ui, root } = await show({ survey: { kind: "ces" } });
    expect(ui.getByRole("dialog", { name: "How easy was it to get what you needed from Acme?" })).toBeTruthy();
    expect(names(scoreButtons(root))).toEqual(["1, Very difficult", "2", "3", "4", "5", "6", "7, Very easy"]);
    fireEvent.click(ui.getByRole("button", { name: "3" }));
    expect(ui.getByRole("textbox", { name: "What was missing or disappointing?" })).toBeTruthy();
  });
});

describe("dismissing", () => {
  test("Close before a score reports a dismissal and removes the host", async () => {
    const { ui, host, onDismiss, onComplete } = await show();
    fireEvent.click(ui.getByRole("button", { name: "Close" }));
    expect(onDismiss).toHaveBeenCalledOnce();
    expect(onComplete).not.toHaveBeenCalled();
    expect(host.isConnected).toBe(false);
  });

  test("Escape after a score still reports the dismissal (the score was already reported)", async () => {
    const { ui, host, onDismiss, onScore } = await show();
    fireEvent.click(ui.getByRole("button", { name: "10, Extremely likely" }));
    const pageListener = vi.fn();
    document.addEventListener("keydown", pageListener);
    fireEvent.keyDown(ui.getByRole("textbox"), { key: "Escape" });
    document.removeEventListener("keydown", pageListener);
    expect(onScore).toHaveBeenCalledWith(10);
    expect(onDismiss).toHaveBeenCalledOnce();
    expect(pageListener).not.toHaveBeenCalled();
    expect(host.isConnected).toBe(false);
  });

  test("closing the thank-you reports nothing more", async () => {
    const { ui, onDismiss, onComplete } = await show();
    fireEvent.click(ui.getByRole("button", { name: "1" }));
    fireEvent.click(ui.getByRole("button", { name: "Send" }));
    fireEvent.click(ui.getByRole("button", { name: "Close" }));
    expect(onComplete).toHaveBeenCalledWith({ score: 1, comment: "" });
    expect(onDismiss).not.toHaveBeenCalled();
  });

  test("close() removes it silently, even before it was shown", async () => {
    const { handle, host, onDismiss } = await show();
    handle.close();
    expect(host.isConnected).toBe(false);
    const onShown = vi.fn();
    mountSurvey({
      survey: { id: "s", kind: "nps" },
      locale: "de",
      onShown,
      onScore() {},
      onComplete() {},
      onDismiss,
    }).close();
    await new Promise((r) => setTimeout(r, 20));
    expect(document.querySelector("npskit-survey")).toBeNull();
    expect(onShown).not.toHaveBeenCalled();
    expect(onDismiss).not.toHaveBeenCalled();
  });

  test("host and styles, the first render, then the focus (which forces layout): three tasks", async () => {
    vi.useFakeTimers();
    const onShown = vi.fn();
    const handle = mountSurvey({
      survey: { id: "s", kind: "nps" },
      locale: "en",
      onShown,
      onScore() {},
      onComplete() {},
      onDismiss() {},
    });
    for (let i = 0; i < 10; i++) await Promise.resolve(); // the English texts arrive: promises, no timer
    const root = document.querySelector("npskit-survey")!.shadowRoot!;
    expect(root.querySelectorAll("style").length).toBeGreaterThan(0); // jsdom's fallback for constructable sheets
    expect(root.querySelector("[role=dialog]")).toBeNull();
    vi.advanceTimersToNextTimer();
    const dialog = root.querySelector<HTMLElement>("[role=dialog]");
    expect(dialog).not.toBeNull();
    expect(root.activeElement).toBeNull();
    expect(onShown).not.toHaveBeenCalled();
    vi.advanceTimersToNextTimer();
    expect(root.activeElement).toBe(dialog);
    expect(onShown).toHaveBeenCalledOnce();
    handle.close();
  });

  test("closed between its render and its focus: nothing is focused or reported", async () => {
    const onShown = vi.fn();
    const handle = mountSurvey({
      survey: { id: "s", kind: "nps" },
      locale: "en",
      onShown,
      onScore() {},
      onComplete() {},
      onDismiss() {},
    });
    await waitFor(() => expect(document.querySelector("npskit-survey")).not.toBeNull());
    handle.close();
    await new Promise((r) => setTimeout(r, 20));
    expect(onShown).not.toHaveBeenCalled();
    expect(document.activeElement?.tagName).not.toBe("NPSKIT-SURVEY");
  });

  test("the center position is a modal with a backdrop that dismisses", async () => {
    const { ui, root, onDismiss } = await show({ theme: { position: "center" } });
    expect(ui.getByRole("dialog").getAttribute("aria-modal")).toBe("true");
    fireEvent.click(root.querySelector(".bd")!);
    expect(onDismiss).toHaveBeenCalledOnce();
  });
});

describe("safety", () => {
  const XSS = `<img src=x onerror="window.pwned=1"><script>window.pwned=1</script>`;

  test("survey text and product names are rendered as text", async () => {
    const { ui, root } = await show({
      product: XSS,
      survey: { question: `${XSS} {product}`, followUp: { detractor: XSS } },
    });
    expect(ui.getByRole("dialog", { name: `${XSS} ${XSS}` })).toBeTruthy();
    fireEvent.click(ui.getByRole("button", { name: "2" }));
    expect(ui.getByRole("textbox", { name: XSS })).toBeTruthy();
    expect(root.querySelector("img, script")).toBeNull();
    expect((window as { pwned?: number }).pwned).toBeUndefined();
  });

  test("a render that fails (here an unknown kind) is logged in its own task, not thrown into the page", async () => {
    vi.useFakeTimers();
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const onShown = vi.fn();
    mountSurvey({
      survey: { id: "s", kind: "bogus" as "nps" },
      locale: "en",
      onShown,
      onScore() {},
      onComplete() {},
      onDismiss() {},
    });
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(() => vi.runAllTimers()).not.toThrow();
    expect(error).toHaveBeenCalledWith("[npskit]", expect.any(TypeError));
    error.mockRestore();
  });

  test("a throwing callback is logged, not thrown into the page", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const { ui } = await show({
      onScore: () => {
        throw new Error("integration bug");
      },
    });
    expect(() => fireEvent.click(ui.getByRole("button", { name: "7" }))).not.toThrow();
    expect(error).toHaveBeenCalledWith("[npskit]", expect.any(Error));
    expect(ui.getByRole("textbox")).toBeTruthy();
    error.mockRestore();
  });

  test("the host goes into the given parent when there is one", async () => {
    const parent = document.body.appendChild(document.createElement("div"));
    const { host } = await show({ parent });
    expect(host.parentElement).toBe(parent);
  });

  test("one host element, styles inside its shadow root, nothing inline", async () => {
    const { host, root } = await show({ theme: { accent: "#0af", position: "bottom-left" } });
    expect(document.querySelectorAll("npskit-survey")).toHaveLength(1);
    expect(host.parentElement).toBe(document.documentElement);
    expect(document.body.children).toHaveLength(0);
    const sheets = root.adoptedStyleSheets?.length
      ? [...root.adoptedStyleSheets].map((s) => [...s.cssRules].map((r) => r.cssText).join(""))
      : [...root.querySelectorAll("style")].map((s) => s.textContent);
    expect(sheets.join("")).toContain("--a:#00aaff");
    expect(root.querySelector("[style]")).toBeNull();
    expect(root.querySelector(".w")!.classList.contains("bottom-left")).toBe(true);
  });
});
