import { get } from "node:http";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error plain .mjs module of the demo
import { serveStatic } from "./demo-static.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
let server: { port: number; close(): Promise<void> };

/** A raw GET: the path is sent exactly as written (fetch would normalise `..` away). */
const status = (path: string) =>
  new Promise<{ code: number | undefined; type: string | undefined }>((resolve, reject) =>
    get({ host: "127.0.0.1", port: server.port, path }, (res) => {
      res.resume();
      resolve({ code: res.statusCode, type: res.headers["content-type"] });
    }).on("error", reject),
  );

beforeAll(async () => {
  server = await serveStatic({ root, port: 0, allow: ["/examples/"], index: "/examples/script-tag/index.html" });
});
afterAll(() => server.close());

describe("the demo's static server", () => {
  it("serves files under the allowed folders with their type, and redirects / to the host page", async () => {
    expect(await status("/examples/script-tag/index.html")).toEqual({ code: 200, type: "text/html; charset=utf-8" });
    expect((await status("/")).code).toBe(302);
  });

  it("answers the browser's favicon request without an error", async () => {
    expect((await status("/favicon.ico")).code).toBe(204);
  });

  it("never serves anything outside them, however the path is spelled", async () => {
    for (const path of [
      "/package.json",
      "/examples/../package.json",
      "/examples/%2e%2e/package.json",
      "/examples/..%2fpackage.json",
      "/examples/%2e%2e/%2e%2e/etc/passwd",
    ]) {
      expect((await status(path)).code, path).toBe(404);
    }
    expect((await status("/examples/nope.html")).code).toBe(404);
    expect((await status("/examples/%E0%A4%A")).code).toBe(400);
  });
});
