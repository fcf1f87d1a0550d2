// gzip -9 bytes of minified bundles of @npskit/core as its users import it.
// Run: node packages/core/scripts/measure-size.mjs
import { execFileSync } from "node:child_process";
import { bundleEntry } from "./bundle-entry.mjs";

const LOADER = `export { pickSurvey, explain, loadUserState, createStorage, memoryStorage, deviceClassOf } from "@npskit/core/runtime";`;

const entries = {
  "guardConfig (production config guard)": `export { guardConfig } from "@npskit/core/runtime";`,
  "validateConfig (zod/mini validator)": `export { validateConfig } from "@npskit/core";`,
  "loader core: state + engine + storage": LOADER,
  "loader core + guardConfig": LOADER + `export { guardConfig } from "@npskit/core/runtime";`,
};

for (const [name, code] of Object.entries(entries)) {
  const { code: min, modules } = await bundleEntry(code);
  const bytes = Buffer.byteLength(min);
  const gzipBytes = execFileSync("gzip", ["-9c"], { input: min }).length; // what `gzip -9c | wc -c` prints
  const zod = modules.filter((m) => m.includes("/zod/")).length;
  console.log(
    `${name.padEnd(42)} ${String(bytes).padStart(6)} B min  ${String(gzipBytes).padStart(5)} B gzip -9  (${zod ? `${zod} zod modules` : "no zod"})`,
  );
}
