// Host pages for npskit's journey tests: the snippet inlined (or served as a file), npskit.js
// loaded the way a site would load it, and the page's own calls.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
export const LOADER = "/packages/browser/dist/npskit.js";
/** The development build: the full config validator (every problem by path, warnings). */
export const DEV_LOADER = "/packages/browser/dist/npskit.dev.js";
export const SNIPPET_FILE = "/packages/browser/dist/snippet.min.js";

export interface HostPageOptions {
  /** The config passed to npskit.init (serialised as JSON). */
  config?: unknown;
  /** Script run after init (page code calling npskit). */
  calls?: string;
  /** "async": inline snippet + async loader (default); "sync": plain blocking script tag. */
  loader?: "async" | "sync";
  head?: string;
  body?: string;
  /** Which script-tag build the page loads: npskit.js (default) or npskit.dev.js. */
  build?: "production" | "development";
}

export function hostPage({
  config,
  calls = "",
  loader = "async",
  head = "",
  body = "",
  build = "production",
}: HostPageOptions): string {
  const snippet = readFileSync(`${ROOT}packages/browser/dist/snippet.min.js`, "utf8");
  const src = build === "production" ? LOADER : DEV_LOADER;
  const load =
    loader === "async"
      ? `<script>${snippet}</script>\n<script async src="${src}"></script>`
      : `<script src="${src}"></script>`;
  // "<" escaped: a survey text containing "</script>" must not end the page's script element.
  const init = config === undefined ? "" : `npskit.init(${JSON.stringify(config).replace(/</g, "\\u003c")});`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host page</title>${head}
${load}
<script>${init}${calls}</script></head><body><main><h1>Host page</h1>${body}</main></body></html>`;
}

/** A config with one NPS survey shown on the `checkout` event (CONTRACT §1's example). */
export function checkoutConfig(endpoint: string, survey: Record<string, unknown> = {}) {
  return { endpoint, surveys: [{ id: "nps-q4", kind: "nps", trigger: { event: "checkout" }, ...survey }] };
}
