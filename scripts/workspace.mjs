// The workspace's packages, read from their own package.json files: the one list that the build
// (rollup, tsc -b), the test runner's aliases, the type-check's paths and the source resolver of
// the browser build all use. A package's "exports" say which source modules others may import:
// "./runtime" → ./dist/runtime.js is built from src/runtime.ts; a private package exports sources.
// `node scripts/workspace.mjs` writes the paths into tsconfig.check.json (JSON cannot import this);
// scripts/workspace.test.ts fails when they are out of date.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));

/**
 * @typedef {object} WorkspacePackage
 * @property {string} dir folder name under packages/
 * @property {string} name package name
 * @property {boolean} private not built, not published (test support)
 * @property {string[]} dependencies workspace packages it depends on, by name
 * @property {Record<string, string>} sources import specifier → source file, relative to the root
 *   (`"@npskit/core/runtime": "packages/core/src/runtime.ts"`)
 */

/** The source module an "exports" target is built from, or undefined for non-code files. */
function sourceOf(dir, target) {
  const path = typeof target === "string" ? target : (target.default ?? target.import);
  const m = /^\.\/(?:dist|src)\/(.+)\.(?:js|ts|tsx)$/.exec(path ?? "");
  if (!m) return undefined;
  for (const ext of [".ts", ".tsx"]) {
    const file = `packages/${dir}/src/${m[1]}${ext}`;
    if (existsSync(join(ROOT, file))) return file;
  }
  throw new Error(`packages/${dir}/package.json exports ${path}, which has no source in src/`);
}

/** @returns {WorkspacePackage} */
function readPackage(dir) {
  const manifest = JSON.parse(readFileSync(join(ROOT, "packages", dir, "package.json"), "utf8"));
  /** @type {Record<string, string>} */
  const sources = {};
  for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
    const file = sourceOf(dir, target);
    if (file) sources[manifest.name + subpath.slice(1)] = file;
  }
  const all = { ...manifest.dependencies, ...manifest.peerDependencies };
  return {
    dir,
    name: manifest.name,
    private: manifest.private === true,
    dependencies: Object.keys(all).filter((d) => all[d].startsWith("workspace:")),
    sources,
  };
}

/** Every package under packages/, in folder order. */
export const PACKAGES = readdirSync(join(ROOT, "packages"), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(ROOT, "packages", d.name, "package.json")))
  .map((d) => readPackage(d.name));

/** The packages that are built and published. */
export const PUBLISHED = PACKAGES.filter((p) => !p.private);

/** Import specifier → source file (relative to the root), for every package. */
export const SOURCES = Object.assign({}, ...PACKAGES.map((p) => p.sources));

/** `name` and every workspace package it needs, by folder name. */
export function withDependencies(name) {
  const found = new Set();
  const visit = (n) => {
    const pkg = PACKAGES.find((p) => p.name === n);
    if (!pkg || found.has(pkg.dir)) return;
    found.add(pkg.dir);
    pkg.dependencies.forEach(visit);
  };
  visit(name);
  return [...found];
}

/** tsconfig "paths": every specifier to its source, so the type-check reads sources, not dist/. */
export const tsconfigPaths = () =>
  Object.fromEntries(Object.entries(SOURCES).map(([specifier, file]) => [specifier, [`./${file}`]]));

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = join(ROOT, "tsconfig.check.json");
  const config = JSON.parse(readFileSync(file, "utf8"));
  config.compilerOptions.paths = tsconfigPaths();
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
}
