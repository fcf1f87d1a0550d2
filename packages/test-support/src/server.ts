// A local HTTP server on 127.0.0.1 for browser tests: serves the repository's files (built bundles,
// example pages), test pages registered at runtime, and a fake collector whose answers tests control.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import type { AddressInfo } from "node:net";
// @ts-expect-error plain .mjs shared with the demo's static server
import { CONTENT_TYPES as TYPES } from "../../../scripts/demo-static.mjs";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

export interface Received {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  at: number;
}

export interface Page {
  body: string;
  headers?: Record<string, string>;
  type?: string;
}

export interface TestServer {
  url: string;
  /** Requests that reached POST /collect (and any other non-GET path), in order. */
  received: Received[];
  /** Register a page served at `path` (e.g. "/t/basic.html"). */
  page(path: string, page: Page | string): void;
  /** Status codes the collector answers with next, consumed in order; 200 once empty. */
  collectStatuses: number[];
  /** Extra headers for the next collector answers (e.g. Retry-After), parallel to collectStatuses. */
  collectHeaders: Array<Record<string, string>>;
  /** Bytes of JavaScript served, by path: what a visitor downloaded. */
  jsBytes: Map<string, number>;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}

export interface ServerOptions {
  /** Send `Access-Control-Allow-Origin: *` with the repository's files, as a CDN would. */
  corsFiles?: boolean;
}

export async function startServer({ corsFiles = false }: ServerOptions = {}): Promise<TestServer> {
  const pages = new Map<string, Page>();
  const state: Omit<TestServer, "url" | "close" | "page"> = {
    received: [],
    collectStatuses: [],
    collectHeaders: [],
    jsBytes: new Map(),
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    if (req.method === "OPTIONS") {
      res.writeHead(204, {
        "access-control-allow-origin": "*",
        "access-control-allow-methods": "POST, OPTIONS",
        "access-control-allow-headers": "content-type, idempotency-key, x-api-key",
      });
      return res.end();
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      state.received.push({
        method: req.method ?? "",
        path,
        headers: req.headers,
        body: await readBody(req),
        at: Date.now(),
      });
      const status = state.collectStatuses.shift() ?? 200;
      const extra = state.collectHeaders.shift() ?? {};
      res.writeHead(status, { "content-type": "application/json", "access-control-allow-origin": "*", ...extra });
      return res.end(JSON.stringify({ ok: status < 300 }));
    }
    const registered = pages.get(path);
    if (registered) {
      res.writeHead(200, {
        "content-type": registered.type ?? (TYPES as Record<string, string>)[".html"]!,
        "cache-control": "no-store",
        ...registered.headers,
      });
      return res.end(registered.body);
    }
    const file = normalize(join(ROOT, path));
    if (!file.startsWith(ROOT) || (file.includes("node_modules/.") && !file.includes("node_modules/.e2e-build/"))) {
      res.writeHead(403);
      return res.end();
    }
    try {
      const data = await readFile(file);
      const type = (TYPES as Record<string, string>)[extname(file)] ?? "application/octet-stream";
      if (type.startsWith("text/javascript")) state.jsBytes.set(path, (state.jsBytes.get(path) ?? 0) + data.length);
      res.writeHead(200, {
        "content-type": type,
        "cache-control": "no-store",
        ...(corsFiles ? { "access-control-allow-origin": "*" } : {}),
      });
      res.end(data);
    } catch {
      res.writeHead(404);
      res.end("not found");
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      res.writeHead(500);
      res.end(String(e));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    page(path: string, page: Page | string) {
      pages.set(path, typeof page === "string" ? { body: page } : page);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
