// Whether responses wait for delivery, so a page view loads the delivery chunk only when needed.
import { QUEUE_PREFIX } from "@npskit/client";
import type { KeyValueStorage } from "@npskit/core";

export async function hasQueuedResponses(storage: KeyValueStorage): Promise<boolean> {
  try {
    return (await storage.keys(QUEUE_PREFIX)).length > 0;
  } catch {
    return false;
  }
}
