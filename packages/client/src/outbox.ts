// Where the queue keeps responses, and whether any wait: a page view checks this (a key range,
// not a scan) to decide whether to load delivery at all. Its own module (and package subpath,
// `@npskit/client/outbox`), so a page imports this without the client.
import type { KeyValueStorage } from "@npskit/core/runtime";

/** Every queued response state is stored under a key starting with this. */
export const QUEUE_PREFIX = "npskit:q:";

/** Whether responses wait for delivery in `storage`; false when it cannot be read. */
export async function hasQueued(storage: KeyValueStorage): Promise<boolean> {
  try {
    return (await storage.keys(QUEUE_PREFIX)).length > 0;
  } catch {
    return false;
  }
}
