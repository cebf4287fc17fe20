import { Readable } from 'node:stream';
import type ExcelJSModule from 'exceljs';
import { type ArchiveLimits, checkArchive } from './zip-limits';

// exceljs takes about a second to load: only the import tool needs it, so the server never loads it.
const loadExcel = async (): Promise<typeof ExcelJSModule> => (await import('exceljs')).default;

/** A cell as the import sees it: text, a date (Excel date cell), or nothing. */
export type SheetCell = string | Date | undefined;

export interface SheetRow {
  /** 1-based, as Excel/WPS shows it. */
  rowNumber: number;
  cells: SheetCell[];
}

export interface Sheet {
  name: string;
  rows: SheetRow[];
}

export type SheetProblem = 'unsupported' | 'unreadable' | 'tooLarge' | 'tooManyRows' | 'tooComplex';

export type SheetRead =
  { ok: true; sheets: Sheet[]; encoding?: 'utf-8' | 'gb18030' } | { ok: false; problem: SheetProblem; detail?: string };

/** What a roster file may hold: an .xlsx's archive (declared and real) and the rows of all sheets. */
export interface SheetLimits extends ArchiveLimits {
  maxRows: number;
}

/**
 * Reads every sheet of an .xlsx (after checking its archive), or a .csv (UTF-8 with or without BOM; GBK/GB18030
 * from Chinese Excel); more rows than the limit is a refusal, not a cut.
 */
export async function readSheetFile(data: Buffer, fileName: string, limits: SheetLimits): Promise<SheetRead> {
  const ext = /\.([A-Za-z]+)$/.exec(fileName)?.[1]?.toLowerCase();
  try {
    let read: SheetRead;
    if (ext === 'xlsx') {
      const archive = checkArchive(data, limits);
      if (!archive.ok)
        return archive.problem === 'tooLarge'
          ? { ok: false, problem: 'tooLarge' }
          : { ok: false, problem: 'unreadable', detail: 'not a zip archive' };
      read = { ok: true, sheets: await readXlsx(data) };
    } else if (ext === 'csv' || ext === 'txt') {
      const { text, encoding } = decodeText(data);
      read = { ok: true, sheets: [await readCsv(text)], encoding };
    } else return { ok: false, problem: 'unsupported', detail: ext ?? '' };
    const rows = read.sheets.reduce((n, sh) => n + sh.rows.length, 0);
    return rows > limits.maxRows ? { ok: false, problem: 'tooManyRows', detail: String(limits.maxRows) } : read;
  } catch (err) {
    return {
      ok: false,
      problem: 'unreadable',
      detail: err instanceof Error ? err.message.split('\n')[0] : String(err),
    };
  }
}

/** UTF-8 when the bytes are valid UTF-8 (BOM dropped); otherwise GB18030, a superset of the GBK Excel writes. */
export function decodeText(data: Buffer): { text: string; encoding: 'utf-8' | 'gb18030' } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(data), encoding: 'gb18030' };
  }
}

async function readXlsx(data: Buffer): Promise<Sheet[]> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const rows: SheetRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: SheetCell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = toCell(cell.value);
      });
      rows.push({ rowNumber, cells });
    });
    return { name: ws.name, rows };
  });
}

async function readCsv(text: string): Promise<Sheet> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  // map keeps every value as typed: no number or date guessing (userids like 001, phone numbers).
  const ws = await wb.csv.read(Readable.from([text]), {
    map: (v: unknown) => v,
    parserOptions: { trim: false, ignoreEmpty: false },
  } as never);
  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push({ rowNumber, cells: values.map(toCell) });
  });
  return { name: 'CSV', rows };
}

/** Flattens exceljs values (rich text, hyperlinks, formulas) to text; dates stay dates. */
export function toCell(v: unknown): SheetCell {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) return v;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object') {
    const o = v as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown; error?: string };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if (o.text !== undefined) return toCell(o.text);
    if ('result' in o) return toCell(o.result);
    if (o.error) return o.error;
  }
  return String(v);
}
