import type { DigestChartData } from '../../charts';
import { addDaysYmd, fromWallTime, wallTime } from '../../time/zone';
import type { Opinion, OpinionDeps } from './opinion-steps';
import { computeRates, rateValue } from './rates';

/**
 * The digest picture's figures: opinions filed and answered in the week [from, to) by category, and
 * the three rates (the 统计 definitions, over the opinions filed in each week, as they stand now) for
 * the `weeks` weeks ending with it.
 */
export function createWeekChart(d: OpinionDeps) {
  const tz = d.config.timezone;
  const { Opinion } = d.models;

  return async function weekChart(from: Date, to: Date, weeks = 12): Promise<DigestChartData> {
    const firstDay = addDaysYmd(wallTime(from, tz), -7 * (weeks - 1));
    const starts = Array.from({ length: weeks + 1 }, (_, i) => fromWallTime(addDaysYmd(firstDay, 7 * i), tz));
    const [active, filed] = await Promise.all([
      Opinion.find({ lastEventAt: { $gte: from }, filedAt: { $lt: to } })
        .select({ category: 1, timeline: 1 })
        .lean<Array<Pick<Opinion, 'category' | 'timeline'>>>(),
      Opinion.find({ filedAt: { $gte: starts[0], $lt: to } })
        .select({ status: 1, rating: 1, filedAt: 1 })
        .lean<Array<Pick<Opinion, 'status' | 'rating' | 'filedAt'>>>(),
    ]);

    const counts = new Map<string, { filed: number; answered: number }>();
    for (const o of active) {
      for (const e of o.timeline) {
        if (e.at < from || e.at >= to || (e.action !== 'filed' && e.action !== 'answered')) continue;
        const c = counts.get(o.category) ?? { filed: 0, answered: 0 };
        if (e.action === 'filed') c.filed += 1;
        else c.answered += 1;
        counts.set(o.category, c);
      }
    }
    // Configured categories first, in their order; any other category after them.
    const order = [...Object.keys(d.config.categories), ...[...counts.keys()].sort((a, b) => a.localeCompare(b, 'zh'))];
    const categories = [...new Set(order)].flatMap((name) => {
      const c = counts.get(name);
      return c ? [{ name, ...c }] : [];
    });

    const series = starts.slice(0, weeks).map((start, i) => {
      const end = starts[i + 1]!;
      const r = computeRates(filed.filter((o) => o.filedAt >= start && o.filedAt < end));
      const day = wallTime(start, tz);
      return {
        label: `${day.month}/${day.day}`,
        answerRate: rateValue(r.answeredOrClosed, r.assignedOrLater),
        closeRate: rateValue(r.closed, r.assignedOrLater),
        satisfactionRate: rateValue(r.satisfied, r.rated),
      };
    });
    return { categories, weeks: series };
  };
}
