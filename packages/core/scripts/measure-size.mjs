// gzip -9 bytes of minified bundles of @npskit/core as its users import it.
// Run: node packages/core/scripts/measure-size.mjs
import { bundleEntry } from "./bundle-entry.mjs";

const LOADER = `export { pickSurvey, explain, loadUserState, createStorage, memoryStorage, deviceClassOf } from "@npskit/core";`;

const entries = {
  "validateConfigLite (browser validator)": `export { validateConfigLite } from "@npskit/core";`,
  "validateConfig (zod/mini validator)": `export { validateConfig } from "@npskit/core";`,
  "loader core: state + engine + storage": LOADER,
  "loader core + validateConfigLite": LOADER + `export { validateConfigLite } from "@npskit/core";`,
};

for (const [name, code] of Object.entries(entries)) {
  const { bytes, gzipBytes, modules } = await bundleEntry(code);
  const zod = modules.filter((m) => m.includes("/zod/")).length;
  console.log(`${name.padEnd(42)} ${String(bytes).padStart(6)} B min  ${String(gzipBytes).padStart(5)} B gzip -9  (${zod ? `${zod} zod modules` : "no zod"})`);
}
