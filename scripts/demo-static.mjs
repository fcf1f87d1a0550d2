// The demo's static file server for the host page and the SDK bundles (127.0.0.1 only, only the
// allowed folders, no directory listings).
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

/** Content types by file extension (also used by the browser tests' server). */
export const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".svg": "image/svg+xml",
};

/** The decoded, normalised path of a request URL; `undefined` when it cannot be decoded. */
function pathOf(url = "/") {
  try {
    return normalize(decodeURIComponent(new URL(url, "http://x").pathname));
  } catch {
    return undefined;
  }
}

/** Serves files under `root` whose URL path starts with one of `allow`; `/` redirects to `index`. */
export function serveStatic({ root, port, allow, index }) {
  const server = createServer(async (req, res) => {
    const path = pathOf(req.url);
    if (path === "/") return res.writeHead(302, { location: index }).end();
    // Browsers ask every host for one; "no content" keeps the demo page's console free of a 404.
    if (path === "/favicon.ico") return res.writeHead(204).end();
    if (path === undefined) return res.writeHead(400).end("bad path");
    if (req.method !== "GET" || !allow.some((prefix) => path.startsWith(prefix)))
      return res.writeHead(404).end("not found");
    try {
      const body = await readFile(join(root, path));
      res
        .writeHead(200, {
          "content-type": CONTENT_TYPES[extname(path)] ?? "application/octet-stream",
          "cache-control": "no-store",
        })
        .end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      resolve({
        port: /** @type {import("node:net").AddressInfo} */ (server.address()).port,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
