// Browser entry for state-persists.e2e.ts: the same calls the loader makes, exposed to the test.
import { createStorage, loadUserState } from "@npskit/core/runtime";

async function visit(action?: "identify" | "answer") {
  const storage = createStorage({ timeoutMs: 1000 });
  const store = await loadUserState(storage);
  if (action === "identify") await store.identify("user-42", { plan: "pro" });
  if (action === "answer") await store.record("nps-q4", "answered");
  return { backend: storage.backend(), state: store.get() };
}

(window as unknown as { coreState: unknown }).coreState = { visit };
