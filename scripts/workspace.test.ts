import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error plain .mjs module shared with the build
import { PUBLISHED, SOURCES, tsconfigPaths, withDependencies } from "./workspace.mjs";

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
    expect(PUBLISHED.map((p: { dir: string }) => p.dir)).toEqual(["browser", "client", "core", "insights", "widget"]);
    expect(withDependencies("npskit").sort()).toEqual(["browser", "client", "core", "widget"]);
  });
});
