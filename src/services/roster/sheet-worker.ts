import { parentPort, workerData } from 'node:worker_threads';
import { readSheetFile, type SheetLimits } from './import-sheet';

// A worker thread's entry: reads one uploaded roster file and posts the sheets (or the refusal) back.
const job = workerData as { data: Uint8Array; fileName: string; limits: SheetLimits };
void readSheetFile(
  Buffer.from(job.data.buffer, job.data.byteOffset, job.data.byteLength),
  job.fileName,
  job.limits,
).then((read) => parentPort?.postMessage(read));
