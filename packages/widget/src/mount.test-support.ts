// Shared by the widget's component tests: mount a survey and query inside its shadow root.
import { waitFor, within } from "@testing-library/preact";
import { afterEach, expect, vi } from "vitest";
import { mountSurvey } from "./mount.js";
import type { MountOptions, WidgetSurvey } from "./types.js";

type Overrides = Partial<Omit<MountOptions, "survey">> & { survey?: Partial<WidgetSurvey> };

/** Mount a survey and wait until it is shown; queries run inside its shadow root. */
export async function show({ survey, ...options }: Overrides = {}) {
  const callbacks = { onScore: vi.fn(), onComplete: vi.fn(), onDismiss: vi.fn(), onShown: vi.fn() };
  const handle = mountSurvey({
    survey: { id: "s", kind: "nps", ...survey },
    locale: "en",
    product: "Acme",
    ...callbacks,
    ...options,
  });
  await waitFor(() => expect(callbacks.onShown).toHaveBeenCalledOnce());
  const host = document.querySelector("npskit-survey")!;
  const root = host.shadowRoot!;
  return { handle, host, root, ui: within(root as unknown as HTMLElement), ...callbacks };
}

export const names = (buttons: HTMLElement[]) => buttons.map((b) => b.getAttribute("aria-label") ?? b.textContent);
export const scoreButtons = (root: ShadowRoot) => [...root.querySelectorAll<HTMLButtonElement>(".s button")];

/** Remove every survey host (they live on <html>) and the test's own page content. */
export function cleanup() {
  for (const host of document.querySelectorAll("npskit-survey")) host.remove();
  document.body.innerHTML = "";
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});
