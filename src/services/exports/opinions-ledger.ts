import { exportHeaders, exportNames, exportWords } from '../../messages/exports';
import { RESOLUTION_LABELS } from '../../contracts/labels';
import type { Models } from '../../models';
import type { Opinion } from '../opinions';
import { maskSensitive } from '../../text/mask';
import { calendarDaysBetween } from '../opinions';
import type { Roster } from '../roster';
import { addUnitRecordsSheet, type UnitRecordsOf } from './unit-records';
import { type CellInput, type ColumnKind, type ColumnSpec, writeXlsx } from './xlsx-stream';

export interface LedgerDeps {
  models: Models;
  roster: Roster;
  timezone: string;
  /** The units' records: each year of the ledger gets its 承办单位办理情况 sheet. */
  unitRecords: UnitRecordsOf;
}

export interface OpinionsLedgerOptions {
  out: string;
  /** One year's sheet; every year (a sheet each) when omitted. */
  year?: number;
  now: Date;
  /** Keep phone and ID numbers in the text (the default masks them: the ledger gets handed on). */
  fullText?: boolean;
  /** Instead of a year: these opinions (the console's current filter), in one sheet of this name. */
  only?: { filter: Record<string, unknown>; sheet: string };
}

const COLUMNS: Array<[key: string, width: number, kind?: ColumnKind]> = [
  ['code', 13],
  ['filer', 10],
  ['source', 9],
  ['category', 10],
  ['title', 28],
  ['content', 50, 'longText'],
  ['cosigners', 16],
  ['status', 8],
  ['unit', 16],
  ['deadline', 12, 'date'],
  ['answer', 40, 'longText'],
  ['resolution', 9],
  ['rating', 9],
  ['filedAt', 17, 'datetime'],
  ['assignedAt', 17, 'datetime'],
  ['answeredAt', 17, 'datetime'],
  ['ratedAt', 17, 'datetime'],
  ['closedAt', 17, 'datetime'],
  ['days', 9, 'number'],
  ['overdue', 9],
  ['photos', 8, 'number'],
];
const SPECS: ColumnSpec[] = COLUMNS.map(([key, width, kind]) => ({ header: exportHeaders[key] ?? key, width, kind }));

/** Late if any round was answered after its deadline, or the current round is past it unanswered. */
export function isOverdue(o: Pick<Opinion, 'status' | 'rounds'>, now: Date): boolean {
  if (o.status === '已撤回' || o.status === '已退回') return false;
  return o.rounds.some((r) => (r.answeredAt ? r.answeredAt > r.deadline : o.status === '已交办' && now > r.deadline));
}

/** Calendar days from filing to closing (or rejection/withdrawal), or to now while still open. */
export function daysTaken(
  o: Pick<Opinion, 'filedAt' | 'closedAt' | 'rejectedAt' | 'withdrawnAt'>,
  now: Date,
  tz: string,
): number {
  return calendarDaysBetween(o.filedAt, o.closedAt ?? o.rejectedAt ?? o.withdrawnAt ?? now, tz);
}

function rowOf(o: Opinion, names: Map<string, string>, opts: OpinionsLedgerOptions, tz: string): CellInput[] {
  const text = (s?: string | null) => (s ? (opts.fullText ? s : maskSensitive(s)) : undefined);
  const cosigners = (o.cosigners ?? []).map((u) => names.get(u) ?? u).join(exportWords.listSeparator);
  return [
    o.code,
    o.filerName,
    o.source,
    o.category,
    o.title,
    text(o.content),
    cosigners,
    o.status,
    o.unit,
    o.deadline,
    text(o.answer),
    o.resolution ? `${o.resolution} ${RESOLUTION_LABELS[o.resolution]}` : undefined,
    o.rating,
    o.filedAt,
    o.assignedAt,
    o.answeredAt,
    o.ratedAt,
    o.closedAt,
    daysTaken(o, opts.now, tz),
    isOverdue(o, opts.now) ? exportWords.yes : exportWords.no,
    o.photos?.length ?? 0,
  ];
}

/**
 * The opinion ledger (意见建议台账), streamed from a cursor: one sheet per year, ordered by code, then each
 * year's units' records (a filtered export is the list's rows only).
 */
export async function writeOpinionsLedger(
  d: LedgerDeps,
  opts: OpinionsLedgerOptions,
): Promise<{ file: string; rows: number }> {
  const names = new Map((await d.roster.list()).map((x) => [x.userid, x.name]));
  const filter = opts.only?.filter ?? (opts.year === undefined ? {} : { year: opts.year });
  return writeXlsx(opts.out, d.timezone, async (x) => {
    let sheet: ReturnType<typeof x.sheet> | undefined;
    let sheetYear: number | undefined;
    let rows = 0;
    const years: number[] = [];
    const cursor = d.models.Opinion.find(filter)
      .select({ timeline: 0 })
      .sort({ year: 1, seq: 1, _id: 1 })
      .lean<Opinion>()
      .cursor();
    for await (const o of cursor) {
      if (!sheet || (sheetYear !== o.year && !opts.only)) {
        sheet = x.sheet(opts.only?.sheet ?? exportNames.opinionsSheet(o.year), SPECS);
        sheetYear = o.year;
        years.push(o.year);
      }
      await sheet.addRow(rowOf(o, names, opts, d.timezone));
      rows += 1;
    }
    if (!sheet)
      x.sheet(
        opts.only?.sheet ?? (opts.year === undefined ? exportNames.opinions : exportNames.opinionsSheet(opts.year)),
        SPECS,
      );
    if (!opts.only) {
      for (const year of opts.year === undefined ? years : [opts.year])
        await addUnitRecordsSheet(x, exportNames.unitsSheet(year), await d.unitRecords(year, opts.now));
    }
    return { file: opts.out, rows };
  });
}
