// Rollup plugin shared by the browser build and the browser-test bundler: workspace packages
// (`@npskit/*`, `npskit`) resolve to their TypeScript sources, sibling "./x.js" imports to the
// .ts/.tsx file beside, and TypeScript is transpiled per file, so one rollup pass tree-shakes
// across packages.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
// A package name, or a package subpath that names one source module (`@npskit/client/outbox`).
const WORKSPACE = /^(?:@npskit\/(core|client|widget|insights)|npskit)(?:\/(\w+))?$/;

/**
 * @param {{ sideEffectFree?: boolean, sourceMap?: boolean }} [options] `sideEffectFree`: our
 * sources have no import-time side effects, so rollup may drop any module that is unused (e.g. a
 * zod schema reached only for a zod-free helper beside it).
 */
export function workspaceSources({ sideEffectFree = false, sourceMap = false } = {}) {
  const resolved = (id) => (sideEffectFree ? { id, moduleSideEffects: false } : id);
  return {
    name: "npskit-workspace-sources",
    resolveId(id, importer) {
      const m = WORKSPACE.exec(id);
      if (m) return resolved(join(ROOT, "packages", m[1] ?? "browser", `src/${m[2] ?? "index"}.ts`));
      if (importer && id.startsWith(".") && id.endsWith(".js")) {
        for (const ext of [".ts", ".tsx"]) {
          const candidate = join(dirname(importer), id.slice(0, -3) + ext);
          if (existsSync(candidate)) return resolved(candidate);
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
          sourceMap,
        },
      });
      return { code: out.outputText, map: sourceMap ? out.sourceMapText : null };
    },
  };
}
