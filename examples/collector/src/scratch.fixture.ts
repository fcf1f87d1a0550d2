// A scratch directory for the enclosing tests: created for them, removed after them.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

export function useScratchDir(name: string) {
  const dir = mkdtempSync(join(tmpdir(), `npskit-${name}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    /** Writes `text` to `name` in the directory; returns its path. */
    file(name: string, text: string) {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
  };
}
