// The one TypeScript path of every rollup build (libraries, browser bundles, browser-test bundles):
// sibling "./x.js" imports resolve to the .ts/.tsx file beside, and TypeScript is transpiled per
// file (types are checked by tsc, not here). Workspace packages (`@npskit/*`, `npskit`, from
// scripts/workspace.mjs) resolve to their sources, so one rollup pass tree-shakes across packages;
// the library builds keep them external instead.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import ts from "typescript";
import { ROOT, SOURCES } from "./workspace.mjs";

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
      if (Object.hasOwn(SOURCES, id)) return resolved(join(ROOT, SOURCES[id]));
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
