// `npm run demo --smoke`: the demo starts, every URL it prints answers, and a posted response
// reaches the report. Needs the SDK built (`npm test` builds it first).
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const built = existsSync(`${root}packages/browser/dist/npskit.js`) && existsSync(`${root}packages/insights/dist/index.js`);

describe.skipIf(!built)("npm run demo -- --smoke (skipped until `npm run build` has produced the SDK)", () => {
  it("starts the collector and the host page, seeds the sample, and shows a new answer in the report", async () => {
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = execFile("node", ["scripts/demo.mjs", "--smoke", "--no-build"], { cwd: root, timeout: 170_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, output: stdout + stderr }),
      );
      child.stdin?.end();
    });
    expect(output).toContain("sample answers: 400 new");
    expect(output).toContain("demo smoke test: ok");
    expect(code).toBe(0);
  }, 180_000);
});
