// The `npskit` package as a stranger installs it: the workspace packages it needs are packed the
// way they would be published (pnpm turns `workspace:*` into versions), installed with npm into a
// scratch app outside the workspace (no links), and then used: types resolve under Node's
// strictest resolution, the script-tag files are there, no build or test leftovers ship, and the
// bin runs. Run by scripts/check-package.mjs (npm test) after the build; alone:
// `node scripts/check-tarball.mjs`.
import { execFileSync, execSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { pnpm } from "./bootstrap.mjs";
import { withDependencies } from "./workspace.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const PACKED = withDependencies("npskit");

/** What a script-tag site serves, and what the ESM entry, its types and the bin need. */
export const REQUIRED_FILES = [
  "dist/npskit.js",
  "dist/snippet.min.js",
  "dist/npskit-ui.js",
  "dist/npskit-send.js",
  "dist/npskit-config.js",
  "dist/npskit-debug.js",
  "dist/npskit-explain.js",
  "dist/index.js",
  "dist/types/index.d.ts",
  "dist/cli.js",
  "bin/npskit.mjs",
];
/** Never in a package: build state, tests and their data. */
export const FORBIDDEN = /tsbuildinfo|\.test\.|\.test-data\.|\.test-support\.|\.e2e\.|(^|\/)e2e\//;

const CONSUMER = `import { createNpsKit, type NpsKit, type NpsKitConfigInput } from "npskit";
const config: NpsKitConfigInput = { endpoint: "/collect", debug: true, surveys: [{ id: "nps-q4", kind: "nps", audience: { sample: 0.25 } }] };
const nps: NpsKit = createNpsKit(config);
nps.on("completed", () => {});
const explained: Promise<{ eligible: boolean; reasons: string[] }> = nps.explain("nps-q4");
void explained;
// Real types, not "any": a wrong kind must be an error.
// @ts-expect-error kind is one of nps, enps, csat, ces
createNpsKit({ endpoint: "/collect", surveys: [{ id: "x", kind: "bogus" }] });
`;

const TSCONFIG = {
  compilerOptions: {
    strict: true,
    module: "nodenext",
    moduleResolution: "nodenext",
    target: "es2022",
    lib: ["es2022", "dom"],
    types: [],
    noEmit: true,
    skipLibCheck: true,
  },
  files: ["consumer.ts"],
};

/** `npskit-0.1.0.tgz`, not `npskit-core-0.1.0.tgz`. */
const isNpskit = (tarball) => /\/npskit-\d[^/]*\.tgz$/.test(tarball);

/** Problems found, one line each (empty: all good). */
export function checkTarball() {
  const work = mkdtempSync(join(tmpdir(), "npskit-tarball-"));
  const problems = [];
  try {
    const packs = join(work, "packs");
    const filters = PACKED.flatMap((p) => ["--filter", `./packages/${p}`]).join(" ");
    execSync(`${pnpm} -r ${filters} pack --pack-destination ${packs}`, { cwd: root, stdio: "pipe" });
    const tarballs = readdirSync(packs).map((f) => join(packs, f));
    for (const tarball of tarballs) {
      const files = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" })
        .split("\n")
        .filter(Boolean)
        .map((f) => f.replace(/^package\//, ""));
      for (const f of files.filter((f) => FORBIDDEN.test(f))) problems.push(`${tarball.split("/").pop()} ships ${f}`);
      if (isNpskit(tarball)) {
        for (const f of REQUIRED_FILES.filter((f) => !files.includes(f)))
          problems.push(`the npskit tarball lacks ${f}`);
      }
    }
    if (!tarballs.some(isNpskit)) problems.push("no npskit tarball was packed");

    const app = join(work, "app");
    mkdirSync(app);
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "scratch-app", private: true, type: "module" }));
    writeFileSync(join(app, "consumer.ts"), CONSUMER);
    writeFileSync(join(app, "tsconfig.json"), JSON.stringify(TSCONFIG));
    writeFileSync(join(app, "config.json"), JSON.stringify({ endpoint: "/collect", surveys: [{ id: "nps-q4" }] }));
    execFileSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", ...tarballs], {
      cwd: app,
      stdio: "pipe",
    });
    const run = (cmd, args) => {
      try {
        return { code: 0, output: execFileSync(cmd, args, { cwd: app, encoding: "utf8", stdio: "pipe" }) };
      } catch (e) {
        return { code: e.status ?? 1, output: `${e.stdout ?? ""}${e.stderr ?? ""}` };
      }
    };
    const tsc = run(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "."]);
    if (tsc.code !== 0) problems.push(`types do not resolve for a consumer:\n${tsc.output}`);
    const bin = join(app, "node_modules/.bin/npskit");
    const valid = run(bin, ["validate", "config.json"]);
    if (valid.code !== 0 || !valid.output.includes("is valid"))
      problems.push(`npskit validate config.json failed (${valid.code}):\n${valid.output}`);
    if (run(bin, []).code !== 2) problems.push("npskit without arguments did not exit 2");
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = checkTarball();
  problems.forEach((p) => console.error(`[npskit] tarball: ${p}`));
  if (problems.length) process.exit(1);
  console.log("[npskit] tarball: ok");
}
