import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error plain .mjs module shared with the build
import { PACKAGES, PUBLISHED, SOURCES, tsconfigPaths, withDependencies } from "./workspace.mjs";

interface WorkspacePackage {
  dir: string;
  name: string;
  dependencies: string[];
}

const root = new URL("..", import.meta.url);

describe("the workspace package list", () => {
  it("is what tsconfig.check.json resolves (run `node scripts/workspace.mjs` after changing exports)", () => {
    const config = JSON.parse(readFileSync(new URL("tsconfig.check.json", root), "utf8"));
    expect(config.compilerOptions.paths).toEqual(tsconfigPaths());
  });

  it("maps every exported module to its source, and builds only the published packages", () => {
    expect(SOURCES["@npskit/core"]).toBe("packages/core/src/index.ts");
    expect(SOURCES["@npskit/core/runtime"]).toBe("packages/core/src/runtime.ts");
    expect(SOURCES.npskit).toBe("packages/browser/src/index.ts");
    expect(PUBLISHED.map((p: WorkspacePackage) => p.dir)).toEqual(["browser", "client", "core", "insights", "widget"]);
    expect(withDependencies("npskit").sort()).toEqual(["browser", "client", "core", "widget"]);
  });

  it("is what each built package's tsconfig references (tsc -b builds dependencies first)", () => {
    for (const pkg of PUBLISHED as WorkspacePackage[]) {
      const config = JSON.parse(readFileSync(new URL(`packages/${pkg.dir}/tsconfig.json`, root), "utf8"));
      const dirOf = (name: string) => (PACKAGES as WorkspacePackage[]).find((p) => p.name === name)!.dir;
      const references = (config.references ?? []).map((r: { path: string }) => r.path).sort();
      expect(references, pkg.dir).toEqual(pkg.dependencies.map((d) => `../${dirOf(d)}`).sort());
    }
  });
});
