import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { neutralizeFormula } from '../../text/spreadsheet';
import { wallTime } from '../../time/zone';
import { uniqueSheetName } from './sheet-names';

// exceljs takes a second or two to load: only an export needs it, so starting the bot (or a test file) does not.
const loadExcel = async (): Promise<typeof ExcelJS> => (await import('exceljs')).default;

// Streaming .xlsx output: rows go to disk as they are added, so a year of 100k rows never sits in memory.

export type ColumnKind = 'text' | 'longText' | 'number' | 'date' | 'datetime';

export interface ColumnSpec {
  header: string;
  width: number;
  kind?: ColumnKind;
}

export type CellInput = string | number | Date | null | undefined;

const NUM_FMT: Partial<Record<ColumnKind, string>> = { date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm', number: '0' };

/**
 * Excel has no time zones: a date cell is a wall-clock reading. exceljs writes a Date by its UTC
 * fields, so the instant is shifted to carry the app zone's wall-clock time in them.
 */
export function excelWallTime(d: Date, tz: string): Date {
  const w = wallTime(d, tz);
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second));
}

export interface SheetWriter {
  /** Resolves once the row's XML is accepted without piling up in memory: await it in loops. */
  addRow(values: CellInput[]): Promise<void>;
  readonly rows: number;
  commit(): void;
}

type PipeTarget = NodeJS.EventEmitter & { writableLength?: number; _writableState?: { length?: number } };

// Waiting on every full 16 KB buffer starves the compressor; a few MB of slack keeps it busy.
const MAX_BACKLOG_BYTES = 4 * 1024 * 1024;

/**
 * exceljs's streaming writer ignores back-pressure: rows queue in memory in front of the zip
 * compressor (about the whole sheet's XML for a big year). Wait for the compressor when it is behind.
 * Reads exceljs 4 internals (the sheet's StreamBuf and its pipes); without them it simply does not wait.
 */
async function compressorCaughtUp(ws: ExcelJS.Worksheet): Promise<void> {
  const pipes = (ws as unknown as { stream?: { pipes?: PipeTarget[] } }).stream?.pipes ?? [];
  for (const p of pipes) {
    if ((p.writableLength ?? p._writableState?.length ?? 0) > MAX_BACKLOG_BYTES) await once(p, 'drain');
  }
}

/** The output file could not be created, written or put in place; `code` is the system's (EACCES, ENOENT…). */
export class FileWriteError extends Error {
  constructor(
    readonly file: string,
    readonly code: string,
  ) {
    super(`cannot write ${file}: ${code}`);
    this.name = 'FileWriteError';
  }
}

function codeOf(err: unknown): string {
  return (err as NodeJS.ErrnoException | null)?.code ?? 'EIO';
}

/** Opens the file for writing, or says why not; never creates folders. */
async function openFile(file: string, out: string): Promise<WriteStream> {
  const dir = path.dirname(path.resolve(out));
  const info = await stat(dir).catch((err: unknown) => {
    throw new FileWriteError(out, codeOf(err) === 'ENOENT' ? 'ENOENT' : codeOf(err));
  });
  if (!info.isDirectory()) throw new FileWriteError(out, 'ENOTDIR');
  if ((await stat(out).catch(() => undefined))?.isDirectory()) throw new FileWriteError(out, 'EISDIR');
  const stream = createWriteStream(file);
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (err) => reject(new FileWriteError(out, codeOf(err))));
  });
  return stream;
}

/** One output file; written under a temporary name and renamed on success, so a failed run leaves no half file. */
export class XlsxStream {
  private readonly wb: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly used = new Set<string>();
  private current?: SheetWriter;
  /** Rejects on the first write error: exceljs would otherwise wait forever for a stream that died. */
  private readonly failed: Promise<never>;

  private constructor(
    private readonly out: string,
    private readonly partial: string,
    private readonly tz: string,
    file: WriteStream,
    excel: typeof ExcelJS,
  ) {
    this.failed = new Promise<never>((_, reject) => {
      file.on('error', (err) => reject(new FileWriteError(out, codeOf(err))));
    });
    this.failed.catch(() => undefined);
    this.wb = new excel.stream.xlsx.WorkbookWriter({ stream: file, useStyles: true, useSharedStrings: false });
  }

  static async open(out: string, tz: string): Promise<XlsxStream> {
    const partial = `${out}.partial`;
    const excel = await loadExcel();
    return new XlsxStream(out, partial, tz, await openFile(partial, out), excel);
  }

  /** Starts a sheet (committing the previous one): bold frozen header row, column widths, typed cells. */
  sheet(name: string, columns: ColumnSpec[]): SheetWriter {
    this.current?.commit();
    const ws = this.wb.addWorksheet(uniqueSheetName(name, this.used), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map((c) => ({ width: c.width }));
    const header = ws.addRow(columns.map((c) => c.header));
    header.font = { bold: true };
    header.alignment = { vertical: 'middle' };
    header.commit();
    const tz = this.tz;
    const failed = this.failed;
    let rows = 0;
    let committed = false;
    const writer: SheetWriter = {
      async addRow(values) {
        // Every export passes here: typed text never becomes a live formula.
        const row = ws.addRow(
          values.map((v) =>
            v instanceof Date ? excelWallTime(v, tz) : typeof v === 'string' ? neutralizeFormula(v) : (v ?? null),
          ),
        );
        columns.forEach((c, i) => {
          const fmt = c.kind ? NUM_FMT[c.kind] : undefined;
          if (fmt) row.getCell(i + 1).numFmt = fmt;
          if (c.kind === 'longText') row.getCell(i + 1).alignment = { wrapText: true, vertical: 'top' };
        });
        row.commit();
        rows += 1;
        await Promise.race([compressorCaughtUp(ws), failed]);
      },
      get rows() {
        return rows;
      },
      commit() {
        if (committed) return;
        committed = true;
        ws.commit();
      },
    };
    this.current = writer;
    return writer;
  }

  async finish(): Promise<string> {
    this.current?.commit();
    await Promise.race([this.wb.commit(), this.failed]);
    await rename(this.partial, this.out).catch((err: unknown) => {
      throw new FileWriteError(this.out, codeOf(err));
    });
    return this.out;
  }

  /** After a failure: removes the temporary file. */
  async abandon(): Promise<void> {
    await rm(this.partial, { force: true });
  }
}

/** Runs `write` against a new file; the file appears only if everything was written. */
export async function writeXlsx<T>(out: string, tz: string, write: (x: XlsxStream) => Promise<T>): Promise<T> {
  const x = await XlsxStream.open(out, tz);
  try {
    const result = await write(x);
    await x.finish();
    return result;
  } catch (err) {
    await x.abandon();
    throw err;
  }
}
