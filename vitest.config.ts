import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const pkg = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url));

// Tests run against sources: workspace packages resolve to their src/, no build needed.
const alias = {
  // Subpaths before their package: aliases match by prefix, first one wins.
  "@npskit/core/runtime": fileURLToPath(new URL("./packages/core/src/runtime.ts", import.meta.url)),
  "@npskit/core": pkg("core"),
  "@npskit/client/outbox": fileURLToPath(new URL("./packages/client/src/outbox.ts", import.meta.url)),
  "@npskit/client": pkg("client"),
  "@npskit/widget": pkg("widget"),
  "@npskit/insights": pkg("insights"),
  npskit: pkg("browser"),
};

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
          globalSetup: ["e2e/support/global-setup.ts"],
        },
      },
    ],
  },
});
