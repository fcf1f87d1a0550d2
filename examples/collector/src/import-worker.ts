// The worker thread of `import FILE` (import.ts): reads and checks the file (importBatches) while
// the main thread stores what it read, never more than `ahead` batches in front of it.
import { parentPort, workerData } from "node:worker_threads";
import { importBatches } from "./import-batches.js";

export interface ImportWorkerData {
  file: string;
  batchSize: number;
  ahead: number;
}

if (!parentPort) throw new Error("import-worker.js runs as a worker thread of the import");
const port = parentPort;
const { file, batchSize, ahead } = workerData as ImportWorkerData;
// A message from the main thread says it took a batch: one more may be sent.
let credit = ahead;
let wake: (() => void) | undefined;
port.on("message", () => {
  credit++;
  wake?.();
});
for await (const batch of importBatches(file, batchSize)) {
  while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
  credit--;
  // The encoded answers move to the main thread, not copied.
  port.postMessage(batch, [batch.answers.buffer]);
}
// The end of the file.
port.postMessage(null);
