// The browser package's extra builds, beside the ESM library build of the root rollup.config.mjs:
//   dist/snippet.min.js  the async stub host pages inline (≤ 1 KB)
//   dist/npskit.js       the script-tag loader (IIFE, exposes window.npskit): decides, never renders;
//                        checks its config with the guard (no validator on a page view)
//   dist/npskit.dev.js   the same loader with the full config validator, for development
//   dist/npskit-ui.js    ES module chunk: the survey UI (widget + Preact), and its
//                        per-language chunks; import()ed by npskit.js when a survey is about to show
//   dist/npskit-send.js  ES module chunk: delivery (the client and its wiring, delivery/start-delivery.ts),
//                        import()ed beside a survey or when answers from earlier pages still wait
//   dist/npskit-config.js  ES module chunk: `configUrl` fetch + cache, import()ed only when set
//   dist/npskit-debug.js   ES module chunk: debug mode's console messages, import()ed only when on
//   dist/npskit-explain.js ES module chunk: explain()'s reasons in words, import()ed on its first call
//   dist/npskit-storage.js ES module chunk: the localStorage fallback, import()ed where IndexedDB fails
// Workspace packages resolve to their TypeScript sources, so one pass tree-shakes across them.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import nodeResolve from "@rollup/plugin-node-resolve";
import terser from "@rollup/plugin-terser";
import { workspaceSources } from "../../scripts/workspace-sources.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const PKG = join(ROOT, "packages/browser");

const minify = () => terser({ ecma: 2020, compress: { passes: 3, pure_getters: true }, format: { comments: false } });

const plugins = () => [
  workspaceSources({ sideEffectFree: true, sourceMap: true }),
  nodeResolve({ browser: true, extensions: [".ts", ".tsx", ".js", ".mjs"] }),
  minify(),
];
const onwarn = (warning, warn) => {
  if (warning.code !== "CIRCULAR_DEPENDENCY") warn(warning);
};

// Source maps are written beside each file but not referenced from it ("hidden"): visitors do not
// pay for the comment, developers load the .map in their devtools when they need it.
/** @param {string} input @param {string} file @param {{ sourcemap?: boolean | "hidden" }} [options] */
const iife = (input, file, options = {}) => ({
  input: join(PKG, "src/entries", input),
  output: {
    file: join(PKG, "dist", file),
    format: "iife",
    sourcemap: options.sourcemap ?? "hidden",
    generatedCode: "es2015",
  },
  plugins: plugins(),
  onwarn,
});

/**
 * A lazy chunk: an ES module, built on its own so that nothing is shared between chunks (each
 * is one request, never a cascade of shared pieces).
 */
const chunk = (name, input) => ({
  input: { [name]: join(PKG, "src/entries", input) },
  output: {
    dir: join(PKG, "dist"),
    format: "es",
    sourcemap: "hidden",
    entryFileNames: "[name].js",
    chunkFileNames: "npskit-[name]-[hash].js",
    generatedCode: "es2015",
  },
  preserveEntrySignatures: "strict",
  plugins: plugins(),
  onwarn,
});

export function browserBuilds() {
  return [
    iife("snippet.ts", "snippet.min.js", { sourcemap: false }),
    iife("npskit.ts", "npskit.js"),
    iife("npskit-dev.ts", "npskit.dev.js"),
    chunk("npskit-ui", "ui.ts"),
    chunk("npskit-send", "send.ts"),
    chunk("npskit-config", "config.ts"),
    chunk("npskit-debug", "debug.ts"),
    chunk("npskit-explain", "explain.ts"),
    chunk("npskit-storage", "storage.ts"),
  ];
}

// `npx rollup -c packages/browser/rollup.browser.mjs` builds just these bundles.
export default browserBuilds();
