// Delivery for one running config: the client, its events passed on as the SDK's. It lives in the
// delivery chunk (dist/npskit-send.js; a dynamic import for bundlers), so a page view with nothing
// to deliver downloads none of it: the session only decides when to start it (runtime/session.ts).
import { createClient, type Client, type ClientOptions } from "@npskit/client";
import type { KeyValueStorage, NpsKitConfig, SurveyResponse } from "@npskit/core/runtime";
import type { EventName } from "../api.js";
import type { Report } from "../sdk/safe-calls.js";

export interface DeliveryEnv {
  emit: (name: EventName, payload?: unknown) => void;
  report: Report;
}

export function startDelivery(config: NpsKitConfig, storage: KeyValueStorage, env: DeliveryEnv): Client {
  const { endpoint, headers, transport } = config;
  // Absent options are undefined here, which the client reads as "not given".
  const client = createClient({
    storage,
    endpoint,
    headers,
    send: transport && (async (r: SurveyResponse) => void (await transport(r))),
  } as ClientOptions);
  client.on("delivered", (detail) => env.emit("delivered", detail));
  client.on("error", (d) =>
    env.report("delivery", `${d.reason}${d.status ? ` (HTTP ${d.status})` : ""}${d.id ? ` for response ${d.id}` : ""}`),
  );
  return client;
}
