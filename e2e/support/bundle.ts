// Bundles a TypeScript entry (with workspace packages resolved to their sources) into one browser
// ES module, for browser tests of a single package before the published bundles exist.
import { rollup, type Plugin } from "rollup";
import nodeResolve from "@rollup/plugin-node-resolve";
import ts from "typescript";
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const OUT = join(ROOT, "node_modules/.e2e-build");

function workspaceSources(): Plugin {
  return {
    name: "workspace-sources",
    resolveId(id, importer) {
      const m = /^(@npskit\/(core|client|widget|insights)|npskit)$/.exec(id);
      if (m) return join(ROOT, "packages", m[2] ?? "browser", "src/index.ts");
      // Sources import siblings as "./x.js": point them at the .ts/.tsx file.
      if (importer && id.startsWith(".") && id.endsWith(".js")) {
        for (const ext of [".ts", ".tsx"]) {
          const candidate = join(dirname(importer), id.slice(0, -3) + ext);
          if (existsSync(candidate)) return candidate;
        }
      }
      return null;
    },
    async transform(_code, id) {
      if (!/\.tsx?$/.test(id)) return null;
      const source = await readFile(id, "utf8");
      const out = ts.transpileModule(source, {
        fileName: id,
        compilerOptions: {
          target: ts.ScriptTarget.ES2020,
          module: ts.ModuleKind.ESNext,
          jsx: ts.JsxEmit.ReactJSX,
          jsxImportSource: "preact",
          verbatimModuleSyntax: true,
          sourceMap: false,
        },
      });
      return { code: out.outputText, map: null };
    },
  };
}

/**
 * Bundle `entry` (path relative to the repository root) and return the URL path the e2e server
 * serves it at, e.g. "/node_modules/.e2e-build/core-state.js". With `pureSources`, modules under
 * packages/ count as free of import-time side effects, as in the published builds, so unused ones
 * (e.g. a zod schema) are dropped: what size measurements need.
 */
export async function bundleForBrowser(entry: string, name: string, options: { pureSources?: boolean } = {}): Promise<string> {
  const packages = join(ROOT, "packages");
  const build = await rollup({
    input: join(ROOT, entry),
    ...(options.pureSources && { treeshake: { moduleSideEffects: (id: string) => !id.startsWith(packages) } }),
    plugins: [workspaceSources(), nodeResolve({ browser: true, extensions: [".ts", ".tsx", ".js", ".mjs"] })],
    onwarn: () => {},
  });
  // One file per entry: lazily imported modules (e.g. the widget's language chunks) are inlined.
  await build.write({ file: join(OUT, `${name}.js`), format: "es", inlineDynamicImports: true });
  await build.close();
  return `/node_modules/.e2e-build/${name}.js`;
}
