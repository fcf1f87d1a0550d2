export { createClient, type Client, type ClientOptions, type ClientEvents, type ClientTarget } from "./client.js";
export { permanentError, type Send, type DeliveryFailure } from "./transport.js";
export { segmentAdapter, posthogAdapter, eventProperties, type Adapter } from "./adapters.js";
export type { DeliveryError } from "./delivery.js";
export { QUEUE_PREFIX, hasQueued } from "./outbox.js";
