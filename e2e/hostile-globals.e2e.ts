// A legacy page that changed the built-ins before npskit loaded: Prototype.js-style toJSON on
// Array.prototype (it returns a JSON string), enumerable additions to Object.prototype (a method,
// a data key named like a config field, a toJSON), a replaced JSON.stringify, and Angular's
// zone.js patching Promise, timers, events and fetch. The survey targets by list rules; it must
// show, and the collector must receive a clean body.
import { expect, test } from "vitest";
import { watchPage } from "@npskit/test-support/chromium";
import { poll, useBrowserAndServer } from "@npskit/test-support/journey";
import { hostPage } from "@npskit/test-support/host-page";

const env = useBrowserAndServer({ freshContext: true });

const HOSTILE = `<script src="/node_modules/zone.js/fesm2015/zone.js"></script>
<script>
  var nativeStringify = JSON.stringify;
  Array.prototype.toJSON = function () { return "[" + this.map(String).join(", ") + "]"; };
  Object.prototype.clone = function () { return this; };
  Object.prototype.exclude = ["/**"];
  Object.prototype.toJSON = function () { return "polluted"; };
  JSON.stringify = function (value, replacer, space) { return nativeStringify(value, replacer, space).replace(/"/g, "'"); };
  window.hostile = true;
</script>`;

const config = {
  endpoint: "/collect",
  surveys: [
    {
      id: "nps-legacy",
      kind: "nps",
      trigger: { event: "checkout", properties: { plan: "pro" } },
      audience: {
        urls: { include: ["/t/**"], exclude: ["/t/admin/**"] },
        devices: ["desktop", "tablet"],
        locales: ["en"],
        attributes: [
          { key: "plan", op: "in", value: ["pro", "team"] },
          { key: "tags", op: "contains", value: "beta" },
        ],
      },
    },
  ],
};

test("a page with Prototype-style toJSON, a polluted Object.prototype, a replaced JSON.stringify and zone.js: the survey shows and the body is clean", async () => {
  env.server.page(
    "/t/legacy.html",
    hostPage({
      head: HOSTILE,
      config,
      calls: `npskit.identify("legacy-1", { plan: "pro", tags: ["beta", "admin"] });
        npskit.on("ready", function () { npskit.track("checkout", { plan: "pro" }); });`,
    }),
  );
  const page = await env.context.newPage();
  const watch = watchPage(page);
  await page.goto(`${env.server.url}/t/legacy.html`);
  expect(await page.evaluate(() => (window as any).hostile && typeof (window as any).Zone)).toBe("function");
  const dialog = page.getByRole("dialog");
  await poll(() => dialog.count()).toBe(1);
  await dialog
    .getByRole("radio", { name: /^9\b/ })
    .or(dialog.getByRole("button", { name: /^9\b/ }))
    .first()
    .click();
  // The display's own record (status "shown") comes first; the answer updates it.
  const answer = () => env.server.received.find((r) => (r.body as { score?: unknown } | undefined)?.score === 9);
  await poll(() => answer() !== undefined).toBe(true);
  const first = answer();
  // The server parses JSON; an unparsable body would arrive as text.
  expect(typeof first!.body).toBe("object");
  expect(first!.body).toMatchObject({
    surveyId: "nps-legacy",
    score: 9,
    category: "promoter",
    complete: false,
    userId: "legacy-1",
  });
  const body = first!.body as Record<string, unknown>;
  expect(body.attributes).toEqual({ plan: "pro" }); // lists stay local
  expect(body.sdk).toEqual({ name: "npskit", version: expect.any(String) });
  expect(Object.keys(body)).not.toContain("clone");
  expect(Object.keys(body)).not.toContain("toJSON");
  expect(watch.consoleErrors.filter((e) => e.includes("[npskit]"))).toEqual([]);
  expect(watch.pageErrors).toEqual([]);
});
