import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SheetLimits, SheetRead } from './import-sheet';
import { checkDeclaredArchive } from './zip-limits';

export interface SheetReaderOptions {
  limits: SheetLimits;
  /** The worker's own V8 heap: a file that needs more fails alone, the bot's memory is untouched. */
  heapMb: number;
  timeoutMs: number;
  /** Node options for the worker (running from TypeScript sources, the loader that transpiles them). */
  execArgv?: string[];
}

// Compiled, this is sheet-worker.js beside this file; from the sources (tests), sheet-worker.ts.
const WORKER_ENTRY = path.join(__dirname, `sheet-worker${path.extname(__filename)}`);

/**
 * Reads an uploaded roster file off the event loop: parsing a large workbook takes seconds of CPU, and WeCom
 * callbacks must be answered within 5 s meanwhile. An .xlsx whose archive declares too much is refused before
 * any worker starts; the worker then checks what it really unpacks.
 */
export function createSheetReader(o: SheetReaderOptions) {
  return async function readSheets(data: Buffer, fileName: string): Promise<SheetRead> {
    if (/\.xlsx$/i.test(fileName)) {
      const declared = checkDeclaredArchive(data, o.limits);
      if (!declared.ok && declared.problem === 'tooLarge') return { ok: false, problem: 'tooLarge' };
    }
    return new Promise<SheetRead>((resolve) => {
      const worker = new Worker(WORKER_ENTRY, {
        workerData: { data, fileName, limits: o.limits },
        resourceLimits: { maxOldGenerationSizeMb: o.heapMb },
        ...(o.execArgv ? { execArgv: o.execArgv } : {}),
      });
      let settled = false;
      const settle = (read: SheetRead) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        resolve(read);
      };
      const timer = setTimeout(() => settle({ ok: false, problem: 'tooComplex' }), o.timeoutMs);
      worker.once('message', (read: SheetRead) => settle(read));
      // Out of its heap, or any crash: the file is refused, the bot goes on.
      worker.once('error', (err: NodeJS.ErrnoException) =>
        settle(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? { ok: false, problem: 'tooComplex' }
            : { ok: false, problem: 'unreadable', detail: err.message.split('\n')[0] },
        ),
      );
      worker.once('exit', () => settle({ ok: false, problem: 'tooComplex' }));
    });
  };
}

export type ReadSheets = ReturnType<typeof createSheetReader>;
