// What the script-tag builds (npskit.js, npskit.dev.js) do when they run: install the SDK as
// `window.npskit`, taking over the snippet's stub (its recorded calls are replayed in order). Works
// as well from a plain synchronous <script src>. The survey UI and delivery are not in these
// files: they load from the script's own directory when needed (lazy-parts.ts).
import { ownDirectory, siblingChunks } from "../lazy-parts.js";
import type { CheckConfig } from "../config/production-check.js";
import { describeError } from "./safe-calls.js";
import { createInstance } from "./instance.js";
import { adoptStub, isStub } from "../snippet/replay.js";

export function install(check: CheckConfig): void {
  try {
    const win = window as Window & { npskit?: unknown };
    const stub = isStub(win.npskit) ? win.npskit : undefined;
    // A second copy of npskit.js on the same page keeps the first one.
    if (!win.npskit || stub) {
      const sdk = createInstance({ parts: siblingChunks(ownDirectory(document)), check });
      win.npskit = sdk;
      if (stub) adoptStub(stub, sdk);
    }
  } catch (e) {
    console.error(`[npskit] failed to start: ${describeError(e)}`);
  }
}
