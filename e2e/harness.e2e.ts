// Proves the browser test harness itself: Chromium starts, pages load over http, IndexedDB works
// on the 127.0.0.1 origin, and the fake collector records what it receives.
import { expect, test } from "vitest";
import { watchPage } from "@npskit/test-support/chromium";
import { useBrowserAndServer } from "@npskit/test-support/journey";

const env = useBrowserAndServer();

test("serves pages, IndexedDB persists across reloads, collector records posts", async () => {
  env.server.page(
    "/t/harness.html",
    `<!doctype html><title>h</title><script>
    window.put = () => new Promise((ok) => { const r = indexedDB.open("h", 1);
      r.onupgradeneeded = () => r.result.createObjectStore("s");
      r.onsuccess = () => { const tx = r.result.transaction("s", "readwrite"); tx.objectStore("s").put(42, "k"); tx.oncomplete = ok; }; });
    window.read = () => new Promise((ok) => { const r = indexedDB.open("h", 1);
      r.onupgradeneeded = () => r.result.createObjectStore("s");
      r.onsuccess = () => { const q = r.result.transaction("s").objectStore("s").get("k"); q.onsuccess = () => ok(q.result); }; });
  </script>`,
  );
  const page = await env.browser.newPage();
  const watch = watchPage(page);
  await page.goto(env.server.url + "/t/harness.html");
  await page.evaluate(() => (window as any).put());
  await page.reload();
  expect(await page.evaluate(() => (window as any).read())).toBe(42);
  env.server.collectStatuses.push(503);
  const statuses = await page.evaluate(async () => {
    const post = () => fetch("/collect", { method: "POST", body: JSON.stringify({ a: 1 }) }).then((r) => r.status);
    return [await post(), await post()];
  });
  expect(statuses).toEqual([503, 200]);
  expect(env.server.received.map((r) => r.body)).toEqual([{ a: 1 }, { a: 1 }]);
  expect(watch.pageErrors).toEqual([]);
  await page.close();
});
