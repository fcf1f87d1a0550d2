// A collector deployed as README "Deploying" says: reads behind NPSKIT_READ_TOKEN (the team opens the
// report through the browser's login prompt) and verified identities (NPSKIT_IDENTITY_SECRET), with
// a page that passes the userHash its server computed.
import { expect, test } from "vitest";
import type { SurveyResponse } from "@npskit/core";
import { userHashOf } from "../src/secrets.js";
import { saveResponse } from "../src/store.js";
import { watchPage } from "@npskit/test-support/chromium";
import { useCollector } from "./serve-collector.js";
import { checkoutConfig, hostPage } from "@npskit/test-support/host-page";
import { poll, useBrowserAndServer } from "@npskit/test-support/journey";
import { makeResponse } from "@npskit/test-support/responses";

const TOKEN = "read-token-0123456789";
const SECRET = "identity-secret-0123456789";

/** The browser, and the test server standing in for the host site. */
const env = useBrowserAndServer();
const collector = useCollector({ origins: "*", readToken: TOKEN, identitySecret: SECRET, log: () => {} });

test("the team opens the report through the browser's login prompt with the read token; without it, nothing", async () => {
  await saveResponse(collector.db, makeResponse(2, { surveyId: "nps-login", comment: "Only the team may read this" }));
  // Without the token (headless, the prompt goes unanswered) or with a wrong one: 401, nothing shown.
  for (const httpCredentials of [undefined, { username: "team", password: "wrong-token-0123456789" }]) {
    const stranger = await env.browser.newContext(httpCredentials ? { httpCredentials } : {});
    const page = await stranger.newPage();
    const denied = await page.goto(`${collector.url}/report?surveyId=nps-login`).then(
      async (res) => `${res?.status()} ${await res?.text()}`,
      (e: Error) => e.message,
    );
    expect(denied).toMatch(/^401 |ERR_INVALID_AUTH_CREDENTIALS/);
    expect(denied).not.toContain("Only the team may read this");
    await stranger.close();
  }

  const team = await env.browser.newContext({ httpCredentials: { username: "team", password: TOKEN } });
  const page = await team.newPage();
  const watch = watchPage(page);
  const report = await page.goto(`${collector.url}/report?surveyId=nps-login`);
  expect(report?.status()).toBe(200);
  await expect.poll(() => page.getByText("Only the team may read this").count()).toBeGreaterThan(0);
  // The report's relative links (JSON, CSV) work under the same login.
  await page.getByRole("link", { name: "JSON" }).click();
  await page.waitForURL(/\/api\/summary\?surveyId=nps-login$/);
  expect(await page.evaluate(() => document.body.textContent)).toContain('"total":1');
  expect(watch.pageErrors).toEqual([]);
  await team.close();
});

test("a verified identity: the userHash reaches the wire and is accepted, never stored; after reset() answers carry neither", async () => {
  const hash = userHashOf(SECRET, "user-42");
  env.server.page(
    "/t/verified.html",
    hostPage({
      config: { ...checkoutConfig(`${collector.url}/collect`), locale: "en" },
      calls: `npskit.identify("user-42", { plan: "pro" }, { userHash: ${JSON.stringify(hash)} }); npskit.track("checkout");
      window.delivered = []; npskit.on("delivered", (e) => window.delivered.push(e.id));
      window.errors = []; npskit.on("error", (e) => window.errors.push(e.reason));`,
    }),
  );
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const watch = watchPage(page);
  const posted: Record<string, unknown>[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith("/collect"))
      posted.push(JSON.parse(request.postData() ?? "{}"));
  });
  await page.goto(`${env.server.url}/t/verified.html`);
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: /^9(,|$)/ }).click();
  await dialog.getByRole("textbox").fill("Fast and simple");
  await dialog.getByRole("button", { name: "Send" }).click();
  // Every state of the display (shown, answered, completed) carries the id and its proof.
  await poll(() => posted.some((r) => r.complete === true)).toBe(true);
  expect(posted.length).toBeGreaterThanOrEqual(2);
  expect(posted.map((r) => [r.userId, r.userHash])).toEqual(posted.map(() => ["user-42", hash]));

  const before = posted.length;
  await page.evaluate(() => {
    (window as any).npskit.reset();
    (window as any).npskit.show("nps-q4", { force: true });
  });
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /^3(,|$)/ })
    .click();
  await poll(() => posted.slice(before).some((r) => r.score === 3)).toBe(true);
  for (const later of posted.slice(before)) {
    expect(later).toMatchObject({ userId: null });
    expect(later).not.toHaveProperty("userHash");
  }
  expect(await page.evaluate(() => (window as any).errors)).toEqual([]);
  expect(watch.pageErrors).toEqual([]);

  const stored = async () =>
    (await collector.db.query<{ data: SurveyResponse }>("SELECT data FROM responses WHERE survey_id = 'nps-q4'")).rows;
  await poll(async () => (await stored()).some((r) => r.data.score === 3)).toBe(true);
  const rows = await stored();
  expect(rows.map((r) => r.data.userId ?? null).sort()).toEqual([null, "user-42"]);
  expect(JSON.stringify(rows)).not.toContain(hash);
  await context.close();
});
