// The browser loader imports the engine, state, storage and the production guard from @npskit/core/runtime;
// none of that may pull in zod (≈ 18 KB gzip) or the zod-based validator.
import { describe, expect, it } from "vitest";
// @ts-expect-error plain .mjs helper shared with scripts/measure-size.mjs
import { bundleEntry } from "../scripts/bundle-entry.mjs";

const LOADER_IMPORTS = `export {
  pickSurvey, explain, decide, loadUserState, createStorage, memoryStorage, deviceClassOf, guardConfig,
  categoryOf, randomId, checkSample, throttleChecks, urlMatches,
} from "@npskit/core/runtime";`;

describe("tree-shaking @npskit/core", () => {
  it("keeps zod out of what the browser loader imports", async () => {
    const { modules } = await bundleEntry(LOADER_IMPORTS);
    const names = (modules as string[]).map((m) => m.split("/").slice(-2).join("/"));
    expect(
      names.filter((m) => m.startsWith("zod") || m.includes("/zod/") || /mini|core\/(api|schemas)/.test(m)),
    ).toEqual([]);
    expect(names).not.toContain("src/config-schema.ts");
    expect(names).not.toContain("src/validate-config.ts");
    expect(names).toContain("src/config-guard.ts");
  }, 30_000);

  it("includes zod when validateConfig is used (the measurement can see it)", async () => {
    const { modules } = await bundleEntry(`export { validateConfig } from "@npskit/core";`);
    expect((modules as string[]).some((m) => m.includes("/zod/"))).toBe(true);
  }, 30_000);
});
