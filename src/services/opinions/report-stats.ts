import { OPINION_STATUSES } from '../../models/opinion';
import type { OpinionDeps } from './opinion-steps';
import { ratesFromStatusCounts, rateAccumulators } from './rates';
import { filedMatch, type OpinionStats, type Row, sortUnits, unitPipeline } from './report-pipelines';

/**
 * 统计: opinions filed in the period, by state, category and unit, with the three rates. One read: a
 * $group by (status, category) gives states, categories and the rates' counts; the units branch
 * unwinds only the rounds (a projection first keeps the unwound copies small).
 */
export async function statsOf(
  d: Pick<OpinionDeps, 'models' | 'config'>,
  period: { from: Date; to: Date },
  now: Date,
): Promise<OpinionStats> {
  const { Opinion } = d.models;
  const [facets] = await Opinion.aggregate<{ rows: Row[]; units: Row[] }>([
    { $match: filedMatch(period) },
    {
      $facet: {
        rows: [
          { $group: { _id: { status: '$status', category: '$category' }, n: { $sum: 1 }, ...rateAccumulators() } },
        ],
        units: unitPipeline(now),
      },
    },
  ]);
  const rows = (facets?.rows ?? []).map((r) => ({
    ...(r._id as { status: string; category: string }),
    n: r.n as number,
    rated: r.rated as number,
    satisfied: r.satisfied as number,
    resolved: r.resolved as number,
  }));
  const sum = (pick: (r: (typeof rows)[number]) => string, key: string) =>
    rows.filter((r) => pick(r) === key).reduce((n, r) => n + r.n, 0);
  const byStatus: Record<string, number> = {};
  for (const s of OPINION_STATUSES) if (sum((r) => r.status, s)) byStatus[s] = sum((r) => r.status, s);
  // Configured categories first (in their order), then any others by name.
  const byCategory: Record<string, number> = {};
  const others = [...new Set(rows.map((r) => r.category))].sort((a, b) => a.localeCompare(b, 'zh'));
  for (const name of [...Object.keys(d.config.categories), ...others])
    if (!(name in byCategory) && sum((r) => r.category, name)) byCategory[name] = sum((r) => r.category, name);
  const units = (facets?.units ?? []).map((r) => ({
    unit: String(r._id),
    assigned: r.assigned as number,
    answeredOnTime: r.answeredOnTime as number,
    overdue: r.overdue as number,
  }));
  return {
    total: rows.reduce((n, r) => n + r.n, 0),
    byStatus,
    byCategory,
    units: sortUnits(units),
    rates: ratesFromStatusCounts(rows),
  };
}
