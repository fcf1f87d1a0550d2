// The browser package's extra builds, beside the ESM library build of the root rollup.config.mjs:
//   dist/snippet.min.js  the async stub host pages inline (≤ 1 KB)
//   dist/npskit.js       the script-tag loader (IIFE, exposes window.npskit), no UI inside
//   dist/npskit-ui.js    the UI chunk (widget + Preact + signals), loaded by npskit.js on demand
// Workspace packages resolve to their TypeScript sources, so one pass tree-shakes across them.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import nodeResolve from "@rollup/plugin-node-resolve";
import terser from "@rollup/plugin-terser";
import ts from "typescript";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const PKG = join(ROOT, "packages/browser");
const { version } = JSON.parse(readFileSync(join(PKG, "package.json"), "utf8"));

/** `@npskit/*` → packages/*\/src/index.ts; "./x.js" imports → the .ts/.tsx file beside. */
function workspaceSources() {
  return {
    name: "npskit-workspace-sources",
    resolveId(id, importer) {
      const m = /^@npskit\/(core|client|widget)$/.exec(id);
      if (m) return join(ROOT, "packages", m[1], "src/index.ts");
      if (importer && id.startsWith(".") && id.endsWith(".js")) {
        for (const ext of [".ts", ".tsx"]) {
          const candidate = join(dirname(importer), id.slice(0, -3) + ext);
          if (existsSync(candidate)) return candidate;
        }
      }
      return null;
    },
    transform(code, id) {
      if (!/\.tsx?$/.test(id)) return null;
      const out = ts.transpileModule(code, {
        fileName: id,
        compilerOptions: {
          target: ts.ScriptTarget.ES2020,
          module: ts.ModuleKind.ESNext,
          jsx: ts.JsxEmit.ReactJSX,
          jsxImportSource: "preact",
          verbatimModuleSyntax: true,
          sourceMap: true,
        },
      });
      return { code: out.outputText, map: out.sourceMapText };
    },
  };
}

/** Compile-time constants, so dev-only branches and the version string cost nothing at runtime. */
function constants() {
  return {
    name: "npskit-constants",
    transform(code, id) {
      if (!code.includes("__NPSKIT_VERSION__")) return null;
      return { code: code.replaceAll("__NPSKIT_VERSION__", JSON.stringify(version)), map: null };
    },
  };
}

const minify = () =>
  terser({ ecma: 2020, compress: { passes: 3, pure_getters: true }, format: { comments: false } });

const iife = (input, file, { sourcemap = true } = {}) => ({
  input: join(PKG, "src", input),
  output: { file: join(PKG, "dist", file), format: "iife", sourcemap, generatedCode: "es2015" },
  plugins: [workspaceSources(), constants(), nodeResolve({ browser: true, extensions: [".ts", ".tsx", ".js", ".mjs"] }), minify()],
  onwarn(warning, warn) {
    if (warning.code !== "CIRCULAR_DEPENDENCY") warn(warning);
  },
});

export function browserBuilds() {
  const builds = [iife("snippet-entry.ts", "snippet.min.js", { sourcemap: false })];
  if (existsSync(join(PKG, "src/loader.ts"))) builds.push(iife("loader.ts", "npskit.js"));
  if (existsSync(join(PKG, "src/ui-entry.ts"))) builds.push(iife("ui-entry.ts", "npskit-ui.js"));
  return builds;
}

// `npx rollup -c packages/browser/rollup.browser.mjs` builds just these bundles.
export default browserBuilds();
