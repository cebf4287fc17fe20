import { packWords } from '../../messages/exports';
import type { Models } from '../../models';
import { maskSensitive } from '../../text/mask';
import { formatRate } from '../opinions';
import { column } from './columns';
import { type ColumnSpec, writeXlsx } from './xlsx-stream';

// The units' records (承办单位办理情况): every handling round assigned in the year, by unit, from the
// opinions' own rounds; the detail sheet lists each round so every figure can be counted by hand.

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
  round: { round: number; unit: string; assignedAt: Date; deadline: Date; answeredAt?: Date; rating?: string };
}

interface UnitTotals {
  cases: number;
  answered: number;
  onTime: number;
  openOverdue: number;
  rated: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
}

const spec = column;
const SUMMARY: ColumnSpec[] = [
  spec('unit', 20),
  ...['cases', 'answeredCount', 'onTime', 'late', 'openOverdue', 'openInTime', 'rated'].map((k) =>
    spec(k, 10, 'number'),
  ),
  ...['satisfied', 'basicallySatisfied', 'dissatisfied'].map((k) => spec(k, 9, 'number')),
  spec('onTimeRate', 11),
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
  spec('rating', 9),
];

function resultOf(r: RoundRow['round'], now: Date): string {
  if (r.answeredAt) return r.answeredAt <= r.deadline ? packWords.onTimeWord : packWords.lateWord;
  return now > r.deadline ? packWords.openOverdueWord : packWords.openInTimeWord;
}

function count(t: UnitTotals, r: RoundRow['round'], now: Date): void {
  t.cases += 1;
  if (r.answeredAt) t.answered += 1;
  if (r.answeredAt && r.answeredAt <= r.deadline) t.onTime += 1;
  if (!r.answeredAt && now > r.deadline) t.openOverdue += 1;
  if (r.rating) t.rated += 1;
  if (r.rating === '满意') t.satisfied += 1;
  if (r.rating === '基本满意') t.basicallySatisfied += 1;
  if (r.rating === '不满意') t.dissatisfied += 1;
}

/** Writes the workbook: the summary per unit (by unit name), then every round in unit and code order. */
export async function writeUnitRecords(
  d: { models: Models; timezone: string },
  o: UnitRecordsOptions,
): Promise<{ file: string; rows: number }> {
  const inYear = { $gte: o.window.from, $lt: o.window.to };
  // Withdrawn and rejected opinions count in no rate (rates.ts); the same here.
  const rounds = () =>
    d.models.Opinion.aggregate<RoundRow>([
      { $match: { 'rounds.assignedAt': inYear, status: { $nin: ['已撤回', '已退回'] } } },
      { $project: { code: 1, title: 1, year: 1, seq: 1, round: '$rounds' } },
      { $unwind: '$round' },
      { $match: { 'round.assignedAt': inYear } },
      { $sort: { 'round.unit': 1, year: 1, seq: 1, 'round.round': 1 } },
    ]).cursor();
  // First pass: the totals (one small object per unit); second pass: the detail rows, streamed.
  const totals = new Map<string, UnitTotals>();
  for await (const row of rounds()) {
    const r = (row as RoundRow).round;
    const t = totals.get(r.unit) ?? {
      cases: 0,
      answered: 0,
      onTime: 0,
      openOverdue: 0,
      rated: 0,
      satisfied: 0,
      basicallySatisfied: 0,
      dissatisfied: 0,
    };
    count(t, r, o.now);
    totals.set(r.unit, t);
  }
  return writeXlsx(o.out, d.timezone, async (x) => {
    const summary = x.sheet(packWords.unitsSummarySheet, SUMMARY);
    const units = [...totals.keys()].sort((a, b) => a.localeCompare(b, 'zh'));
    for (const unit of units) {
      const t = totals.get(unit)!;
      await summary.addRow([
        unit,
        t.cases,
        t.answered,
        t.onTime,
        t.answered - t.onTime,
        t.openOverdue,
        t.cases - t.answered - t.openOverdue,
        t.rated,
        t.satisfied,
        t.basicallySatisfied,
        t.dissatisfied,
        formatRate(t.onTime, t.answered),
        formatRate(t.satisfied + t.basicallySatisfied, t.rated),
      ]);
    }
    const detail = x.sheet(packWords.unitsDetailSheet, DETAIL);
    for await (const row of rounds()) {
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
        r.rating,
      ]);
    }
    return { file: o.out, rows: units.length };
  });
}
