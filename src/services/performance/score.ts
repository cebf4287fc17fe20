import type { ScoreItem, ScoreWeights } from '../../../config/score';
import { wallTime } from '../../time/zone';
import type { PerformanceItem, PerformanceRecord } from './summary';

// The optional 履职积分: counts of the record's own items per quarter, times the configured points. Every
// count is a list of codes (or shift dates), so the score can be checked by hand against the record.

export const SCORE_ORDER: readonly ScoreItem[] = ['meeting', 'activity', 'opinion', 'satisfied', 'shift', 'study'];

export interface QuarterScore {
  quarter: 1 | 2 | 3 | 4;
  /** Per part: how many, and which records (codes; shifts by station and date). */
  parts: Array<{ item: ScoreItem; count: number; points: number; records: PerformanceItem[] }>;
  points: number;
}

export interface ScoreCard {
  weights: ScoreWeights;
  quarters: QuarterScore[];
  total: number;
}

/** Which part of the formula an item counts for (a 满意-rated opinion counts for both 建议 and 满意). */
function partsOf(i: PerformanceItem): ScoreItem[] {
  if (i.kind === 'meeting') return i.result === 'attended' ? ['meeting'] : [];
  if (i.kind === 'activity') return i.result === 'attended' ? ['activity'] : [];
  if (i.kind === 'opinion') return i.rating === '满意' ? ['opinion', 'satisfied'] : ['opinion'];
  if (i.kind === 'shift') return i.result === 'attended' ? ['shift'] : [];
  if (i.kind === 'study') return ['study'];
  return [];
}

// Points in hundredths: weights have at most two decimals, so sums are exact.
const cents = (n: number) => Math.round(n * 100);

export function scoreRecord(r: PerformanceRecord, weights: ScoreWeights, tz: string): ScoreCard {
  const quarters: QuarterScore[] = ([1, 2, 3, 4] as const).map((quarter) => ({
    quarter,
    parts: SCORE_ORDER.map((item) => ({ item, count: 0, points: 0, records: [] as PerformanceItem[] })),
    points: 0,
  }));
  for (const i of r.items) {
    const q = quarters[Math.floor((wallTime(i.at, tz).month - 1) / 3)]!;
    for (const item of partsOf(i)) q.parts.find((p) => p.item === item)!.records.push(i);
  }
  let total = 0;
  for (const q of quarters) {
    let sum = 0;
    for (const p of q.parts) {
      p.count = p.records.length;
      const c = p.count * cents(weights[p.item]);
      p.points = c / 100;
      sum += c;
    }
    q.points = sum / 100;
    total += sum;
  }
  return { weights, quarters, total: total / 100 };
}
