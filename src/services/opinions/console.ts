import { fromWallTime, wallTime } from '../../time/zone';
import { createOpinionList } from './console-list';
import type { OpinionNotices } from './notices';
import type { Opinion, OpinionDeps } from './opinion-steps';
import { createRemind } from './remind';

/** Queries and the 督办 reminder that the office console needs beyond the chat (the list: console-list.ts). */
export function createConsoleOpinions(d: OpinionDeps, notices: OpinionNotices) {
  const { Opinion } = d.models;
  const tz = d.config.timezone;

  /** Similar open opinions (the filing rule's ranking) with their status. */
  async function similarTo(
    o: Pick<Opinion, 'code' | 'content'>,
    findSimilar: (text: string, exclude?: string) => Promise<Array<{ code: string; title: string }>>,
  ) {
    const found = await findSimilar(o.content, o.code);
    if (found.length === 0) return [];
    const statuses = await Opinion.find({ code: { $in: found.map((x) => x.code) } })
      .select({ code: 1, status: 1 })
      .lean<Array<Pick<Opinion, 'code' | 'status'>>>();
    const byCode = new Map(statuses.map((s) => [s.code, s.status]));
    return found.map((x) => ({ code: x.code, title: x.title, status: byCode.get(x.code) ?? '' }));
  }

  /** Filed and answered per month of a (Beijing) year, read from the timelines of opinions touched that year. */
  async function monthly(year: number): Promise<Array<{ month: string; filed: number; answered: number }>> {
    const from = fromWallTime({ year, month: 1, day: 1 }, tz);
    const to = fromWallTime({ year: year + 1, month: 1, day: 1 }, tz);
    const docs = await Opinion.find({ lastEventAt: { $gte: from }, filedAt: { $lt: to } })
      .select({ 'timeline.action': 1, 'timeline.at': 1 })
      .lean<Array<{ timeline: Array<{ action: string; at: Date }> }>>();
    const months = Array.from({ length: 12 }, (_, i) => ({
      month: `${year}-${String(i + 1).padStart(2, '0')}`,
      filed: 0,
      answered: 0,
    }));
    for (const o of docs) {
      for (const e of o.timeline) {
        if (e.at < from || e.at >= to || (e.action !== 'filed' && e.action !== 'answered')) continue;
        const m = months[wallTime(e.at, tz).month - 1]!;
        if (e.action === 'filed') m.filed += 1;
        else m.answered += 1;
      }
    }
    return months;
  }

  return { ...createOpinionList(d), similarTo, monthly, remind: createRemind(d, notices) };
}

export type ConsoleOpinions = ReturnType<typeof createConsoleOpinions>;
