// Whether responses wait for delivery, so a page view loads the delivery chunk only when needed.
// Adapter: @npskit/client does not export this; its outbox keys start with this prefix
// (client/src/queue.ts). outbox.test.ts fails if the two drift apart.
import type { KeyValueStorage } from "@npskit/core";

const OUTBOX_PREFIX = "npskit:q:";

export async function hasQueuedResponses(storage: KeyValueStorage): Promise<boolean> {
  try {
    return (await storage.keys(OUTBOX_PREFIX)).length > 0;
  } catch {
    return false;
  }
}
