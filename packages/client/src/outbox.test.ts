import { expect, test } from "vitest";
import { createClient } from "@npskit/client";
import { memoryStorage, type SurveyResponse } from "@npskit/core";
import { hasQueued } from "./outbox.js";

test("sees what the client queued (and nothing in an empty storage)", async () => {
  const storage = memoryStorage();
  expect(await hasQueued(storage)).toBe(false);
  const client = createClient({
    storage,
    target: null,
    endpoint: "http://127.0.0.1:9/collect",
    fetch: () => new Promise<Response>(() => {}),
  });
  const at = new Date(0).toISOString();
  const response: SurveyResponse = {
    id: "11111111-1111-4111-8111-111111111111",
    surveyId: "nps",
    kind: "nps",
    score: 9,
    category: "promoter",
    complete: false,
    anonymousId: "a",
    createdAt: at,
    updatedAt: at,
    sdk: { name: "npskit", version: "0.1.0" },
  };
  await client.submit(response);
  expect(await hasQueued(storage)).toBe(true);
  client.destroy();
});
