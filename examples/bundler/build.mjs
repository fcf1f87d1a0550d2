// Bundles the app the way a site would: rollup resolves `npskit` from node_modules (its published
// ESM build, packages/browser/dist) and splits the dynamically imported survey UI into a chunk.
import { rollup } from "rollup";
import nodeResolve from "@rollup/plugin-node-resolve";
import terser from "@rollup/plugin-terser";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));

export async function buildExample() {
  const bundle = await rollup({ input: `${here}src/main.js`, plugins: [nodeResolve({ browser: true }), terser()] });
  const { output } = await bundle.write({ dir: `${here}dist`, format: "es", chunkFileNames: "[name]-[hash].js" });
  await bundle.close();
  return output.map((chunk) => chunk.fileName);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = await buildExample();
  console.log(`[npskit] bundler example built: ${files.join(", ")}`);
}
