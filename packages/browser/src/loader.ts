// Entry of dist/npskit.js (IIFE): installs the SDK as `window.npskit`, taking over the snippet's
// stub (its recorded calls are replayed in order). Works as well from a plain synchronous
// <script src>. The survey UI and delivery are not in this file: they load from this script's
// directory when needed (chunks.ts).
import { ownDirectory, siblingChunks } from "./chunks.js";
import { adoptStub, isStub } from "./replay.js";
import { createSdk } from "./sdk.js";

try {
  const win = window as Window & { npskit?: unknown };
  const stub = isStub(win.npskit) ? win.npskit : undefined;
  // A second copy of npskit.js on the same page keeps the first one.
  if (!win.npskit || stub) {
    const sdk = createSdk({ parts: siblingChunks(ownDirectory(document)) });
    win.npskit = sdk;
    if (stub) adoptStub(stub, sdk);
  }
} catch (e) {
  console.error(`[npskit] failed to start: ${e instanceof Error ? e.message : String(e)}`);
}
