// `npm run demo --smoke`: the demo starts, every URL it prints answers, and a posted response
// reaches the report. Needs the SDK built (`npm test` builds it first).
import { execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const built =
  existsSync(`${root}packages/browser/dist/npskit.js`) && existsSync(`${root}packages/insights/dist/index.js`);

describe.skipIf(!built)("npm run demo -- --smoke (skipped until `npm run build` has produced the SDK)", () => {
  it("starts the collector and the host page, seeds the sample, and shows a new answer in the report", async () => {
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = execFile(
        "node",
        ["scripts/demo.mjs", "--smoke", "--no-build"],
        { cwd: root, timeout: 170_000 },
        (error, stdout, stderr) =>
          resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, output: stdout + stderr }),
      );
      child.stdin?.end();
    });
    expect(output).toContain("sample: 400 answers and 640 unanswered displays; 1040 new");
    expect(output).toContain("demo smoke test: ok");
    expect(code, output).toBe(0);
  }, 180_000);

  it("prints the URLs and stops cleanly on Ctrl-C", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "npskit-demo-test-"));
    const child = spawn("node", ["scripts/demo.mjs", "--no-build"], {
      cwd: root,
      env: { ...process.env, PORT: "0", NPSKIT_DATA_DIR: dataDir },
    });
    try {
      let output = "";
      const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
      // Resolves once the URLs are printed; fails at once, with what the demo said, if it stops first.
      await new Promise<void>((resolve, reject) => {
        const read = (chunk: Buffer) => {
          output += chunk;
          if (/collector: http/.test(output)) resolve();
        };
        child.stdout.on("data", read);
        child.stderr.on("data", read);
        void exited.then((code) => reject(new Error(`the demo exited (${code}) before printing its URLs:\n${output}`)));
      });
      // The host page first: it is what a newcomer opens.
      expect(output.indexOf("host page: http")).toBeLessThan(output.indexOf("NPS report: http"));
      expect(output.indexOf("NPS report: http")).toBeLessThan(output.indexOf("collector: http"));
      const report = /NPS report: (http:\S+)/.exec(output)![1]!;
      const host = /host page: (http:\S+)/.exec(output)![1]!;
      expect((await fetch(report)).status).toBe(200);
      expect((await fetch(host)).status).toBe(200);
      child.kill("SIGINT");
      expect(await exited).toBe(0);
    } finally {
      // Never leave a demo running when an assertion failed half way.
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
