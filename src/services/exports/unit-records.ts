import { packWords } from '../../messages/exports';
import type { Models } from '../../models';
import { maskSensitive } from '../../text/mask';
import { RESOLUTIONS } from '../../contracts/labels';
import type { UnitRecord } from '../opinions';
import { column } from './columns';
import { type CellInput, type ColumnSpec, type XlsxStream, writeXlsx } from './xlsx-stream';

// The units' records (承办单位办理情况): the summary is each unit's record as the opinions service counts it
// (the console's 单位办理 page and the 部门评议 show the same); the pack's detail sheet lists each round so every
// figure can be counted by hand.

/** Each unit's record of a year (services.opinions.unitRecords). */
export type UnitRecordsOf = (year: number, now: Date) => Promise<UnitRecord[]>;

export interface UnitRecordsOptions {
  out: string;
  year: number;
  /** The year's window in the app's time zone. */
  window: { from: Date; to: Date };
  now: Date;
}

interface RoundRow {
  code: string;
  title: string;
  round: {
    round: number;
    unit: string;
    assignedAt: Date;
    deadline: Date;
    answeredAt?: Date;
    resolution?: string;
    rating?: string;
  };
}

const spec = column;
const SUMMARY: ColumnSpec[] = [
  spec('unit', 20),
  ...['cases', 'answeredCount', 'onTime', 'late', 'openOverdue', 'openInTime'].map((k) => spec(k, 10, 'number')),
  spec('averageWorkdays', 12, 'number'),
  ...RESOLUTIONS.map((c) => spec(`resolution${c}`, 10, 'number')),
  spec('unclassified', 10, 'number'),
  spec('rated', 9, 'number'),
  ...['satisfied', 'basicallySatisfied', 'dissatisfied'].map((k) => spec(k, 9, 'number')),
  spec('onTimeRate', 11),
  spec('resolveRate', 9),
  spec('satisfactionRate', 9),
];
const DETAIL: ColumnSpec[] = [
  spec('unit', 20),
  spec('code', 13),
  spec('title', 30),
  spec('round', 6, 'number'),
  spec('assignedAt', 17, 'datetime'),
  spec('deadline', 12, 'date'),
  spec('answeredAt', 17, 'datetime'),
  spec('roundResult', 14),
  spec('resolution', 9),
  spec('rating', 9),
];

function summaryRow(r: UnitRecord): CellInput[] {
  return [
    r.unit,
    r.received,
    r.answered,
    r.answeredOnTime,
    r.answeredLate,
    r.openOverdue,
    r.openInTime,
    r.averageWorkdays,
    ...RESOLUTIONS.map((c) => r.resolutions[c]),
    r.unclassified,
    r.rated,
    r.ratings.满意,
    r.ratings.基本满意,
    r.ratings.不满意,
    r.onTimeRate,
    r.resolveRate,
    r.satisfactionRate,
  ];
}

/** One sheet of the units' records, by unit name (the ledger's own sheet, the pack's summary). */
export async function addUnitRecordsSheet(x: XlsxStream, name: string, records: UnitRecord[]): Promise<number> {
  const sheet = x.sheet(name, SUMMARY);
  const byName = [...records].sort((a, b) => a.unit.localeCompare(b.unit, 'zh'));
  for (const r of byName) await sheet.addRow(summaryRow(r));
  return byName.length;
}

function resultOf(r: RoundRow['round'], now: Date): string {
  if (r.answeredAt) return r.answeredAt <= r.deadline ? packWords.onTimeWord : packWords.lateWord;
  return now > r.deadline ? packWords.openOverdueWord : packWords.openInTimeWord;
}

/** Writes the workbook: the summary per unit (by unit name), then every round in unit and code order. */
export async function writeUnitRecords(
  d: { models: Models; timezone: string; unitRecords: UnitRecordsOf },
  o: UnitRecordsOptions,
): Promise<{ file: string; rows: number }> {
  const inYear = { $gte: o.window.from, $lt: o.window.to };
  const records = await d.unitRecords(o.year, o.now);
  return writeXlsx(o.out, d.timezone, async (x) => {
    const rows = await addUnitRecordsSheet(x, packWords.unitsSummarySheet, records);
    const detail = x.sheet(packWords.unitsDetailSheet, DETAIL);
    // Withdrawn and rejected opinions count in no rate (rates.ts); the same here.
    const rounds = d.models.Opinion.aggregate<RoundRow>([
      { $match: { 'rounds.assignedAt': inYear, status: { $nin: ['已撤回', '已退回'] } } },
      { $project: { code: 1, title: 1, year: 1, seq: 1, round: '$rounds' } },
      { $unwind: '$round' },
      { $match: { 'round.assignedAt': inYear } },
      { $sort: { 'round.unit': 1, year: 1, seq: 1, 'round.round': 1 } },
    ]).cursor();
    for await (const row of rounds) {
      const { code, title, round: r } = row as RoundRow;
      await detail.addRow([
        r.unit,
        code,
        maskSensitive(title),
        r.round,
        r.assignedAt,
        r.deadline,
        r.answeredAt,
        resultOf(r, o.now),
        r.resolution,
        r.rating,
      ]);
    }
    return { file: o.out, rows };
  });
}
