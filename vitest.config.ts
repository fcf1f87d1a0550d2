import { defineConfig } from "vitest/config";
// @ts-expect-error plain .mjs module shared with the build
import { ROOT, SOURCES } from "./scripts/workspace.mjs";

// Tests run against sources: every module a workspace package exports resolves to its src/ file
// (scripts/workspace.mjs), no build needed. Exact matches, so "@npskit/core" leaves "@npskit/core/runtime" alone.
const alias = Object.entries(SOURCES as Record<string, string>).map(([specifier, file]) => ({
  find: new RegExp(`^${specifier.replaceAll(".", "\\.")}$`),
  replacement: ROOT + file,
}));

export default defineConfig({
  resolve: { alias },
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          include: ["packages/*/src/**/*.test.ts", "examples/*/src/**/*.test.ts", "scripts/**/*.test.ts"],
        },
      },
      {
        resolve: { alias },
        oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
        test: {
          name: "dom",
          environment: "jsdom",
          include: ["packages/*/src/**/*.test.tsx"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          environment: "node",
          include: ["packages/*/e2e/**/*.e2e.ts", "e2e/**/*.e2e.ts", "examples/*/e2e/**/*.e2e.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Chromium is heavy on 2 cores: run browser files one at a time.
          fileParallelism: false,
          globalSetup: ["packages/test-support/src/global-setup.ts"],
        },
      },
    ],
  },
});
