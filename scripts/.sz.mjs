import { rollup } from "rollup";
import { gzipSync } from "node:zlib";
import nodeResolve from "@rollup/plugin-node-resolve";
import terser from "@rollup/plugin-terser";
import { workspaceSources } from "/work/wt/runtime/scripts/workspace-sources.mjs";
const input = process.argv[2] ?? "loader.ts";
const b = await rollup({
  input: "/work/wt/runtime/packages/browser/src/" + input,
  plugins: [
    workspaceSources({ sideEffectFree: true }),
    nodeResolve({ browser: true, extensions: [".ts", ".tsx", ".js", ".mjs"] }),
    terser({ ecma: 2020, compress: { passes: 3, pure_getters: true }, format: { comments: false } }),
  ],
  onwarn() {},
});
const { output } = await b.generate({ format: input === "loader.ts" ? "iife" : "es", generatedCode: "es2015" });
console.log(input, gzipSync(output[0].code, { level: 9 }).length);
