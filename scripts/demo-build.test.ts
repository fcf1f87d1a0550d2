import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
// @ts-expect-error plain .mjs module of the demo
import { BUILD_OUTPUTS, busyPort, staleBuild } from "./demo-build.mjs";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A fake repository: one source file, and every build output, each written at the given time (s). */
function repo(sourceAt: number, outputsAt: number | undefined): string {
  const root = mkdtempSync(join(tmpdir(), "npskit-demo-build-")) + "/";
  dirs.push(root);
  const write = (file: string, at: number) => {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), "x");
    utimesSync(join(root, file), at, at);
  };
  write("packages/core/src/engine.ts", sourceAt);
  if (outputsAt !== undefined) for (const f of BUILD_OUTPUTS as string[]) write(f, outputsAt);
  return root;
}

describe("the demo's build check", () => {
  it("builds when an output is missing or a source is newer, and not otherwise", () => {
    expect(staleBuild(repo(1000, undefined))).toMatch(/is missing$/);
    expect(staleBuild(repo(2000, 1000))).toBe("packages/core/src/engine.ts changed since the last build");
    expect(staleBuild(repo(1000, 2000))).toBeUndefined();
  });
});

describe("the demo's port check", () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it("finds a port something already listens on, and passes free ones and 0", async () => {
    server = createServer();
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const taken = (server.address() as { port: number }).port;
    expect(await busyPort([0, taken])).toBe(taken);
    server.close();
    await new Promise((r) => server!.once("close", r));
    server = undefined;
    expect(await busyPort([0, taken])).toBeUndefined();
  });
});
