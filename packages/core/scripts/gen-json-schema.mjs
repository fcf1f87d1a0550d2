// Regenerates packages/core/config.schema.json from the zod
// schema. The generator is a vitest file so it can import the TypeScript sources directly.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../..", import.meta.url));
execFileSync("npx", ["vitest", "run", "--project", "unit", "packages/core/src/config-json-schema.test.ts"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NPSKIT_WRITE_SCHEMA: "1" },
});
console.log("[npskit] wrote packages/core/config.schema.json");
