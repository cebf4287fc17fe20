import { escapeRegex } from '../../text/normalize';
import { fromWallTime, wallTime } from '../../time/zone';
import { parseCode, formatCode } from '../codes';
import { colourFilter, colourRuleOf } from './colours';
import { contactsOfUnits } from './colour-notices';
import { t } from '../../messages';
import { groupSafe } from '../../text/group-safe';
import type { Colour } from '../../contracts/labels';
import type { OpinionNotices } from './notices';
import {
  type ActionInput,
  applyGuarded,
  formatDeadline,
  loadOpinion,
  type Opinion,
  type OpinionDeps,
  type OpinionRef,
  timelineEntry,
  wrongState,
} from './opinion-steps';
import type { OpinionStatus } from '../../models/opinion';

/** The office console's filters over opinions (every field optional; all given ones must hold). */
export interface OpinionFilter {
  year?: number;
  status?: OpinionStatus[];
  category?: string;
  unit?: string;
  source?: '代表' | '群众反映';
  /** A userid or an exact name. */
  filer?: string;
  /** 已逾期 / 即将到期: the red and yellow cases; review: a unit's answer waiting for 审核. */
  due?: 'overdue' | 'soon' | 'review';
  colour?: Colour;
  q?: string;
}

export interface OpinionListOptions extends OpinionFilter {
  sort: 'filedAt' | 'code' | 'deadline';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export type OpinionRow = Pick<
  Opinion,
  | 'code'
  | 'title'
  | 'status'
  | 'category'
  | 'source'
  | 'filer'
  | 'filerName'
  | 'unit'
  | 'deadline'
  | 'filedAt'
  | 'cosigners'
  | 'year'
  | 'seq'
  | 'pendingAnswer'
>;

const ROW_FIELDS = {
  code: 1,
  title: 1,
  status: 1,
  category: 1,
  source: 1,
  filer: 1,
  filerName: 1,
  unit: 1,
  deadline: 1,
  filedAt: 1,
  cosigners: 1,
  year: 1,
  seq: 1,
  pendingAnswer: 1,
};

/**
 * Queries and the 督办 reminder that the office console needs beyond the chat. On MongoDB the list is
 * served by the `{ year, seq }` index (filter on the year, sort by code = filing order), `{ status, deadline }`
 * for the overdue / due-soon views and `{ year, status, seq }` for a status within a year.
 */
export function createConsoleOpinions(d: OpinionDeps, notices: OpinionNotices) {
  const { Opinion } = d.models;
  const tz = d.config.timezone;

  /** The MongoDB filter for the console's filters; the export of the current filter uses the same one. */
  function filterOf(f: OpinionFilter, now: Date): Record<string, unknown> {
    const q: Record<string, unknown> = {};
    if (f.year !== undefined) q.year = f.year;
    if (f.status?.length) q.status = f.status.length === 1 ? f.status[0] : { $in: f.status };
    if (f.category) q.category = f.category;
    if (f.unit) q.unit = f.unit;
    if (f.source) q.source = f.source;
    if (f.filer) q.$or = [{ filer: f.filer }, { filerName: f.filer }];
    if (f.due === 'review') {
      q.status = '已交办';
      q.pendingAnswer = { $exists: true };
    }
    // 已逾期 is red and 即将到期 yellow: one definition (colours.ts) for the list, 督办 and the job.
    const colour = f.colour ?? (f.due === 'overdue' ? 'red' : f.due === 'soon' ? 'yellow' : undefined);
    if (colour) Object.assign(q, colourFilter(colour, now, colourRuleOf(d)));
    const text = f.q?.trim();
    if (text) {
      const code = parseCode(text, 'YJ', wallTime(now, tz).year);
      // Case folding only matters for Latin letters; without them a plain match is the same and cheaper.
      const re = { $regex: escapeRegex(text), $options: /[a-z]/i.test(text) ? 'i' : '' };
      const words = [{ title: re }, { content: re }, { code: code ? formatCode(code) : re }];
      if (q.$or) {
        q.$and = [{ $or: q.$or }, { $or: words }];
        delete q.$or;
      } else q.$or = words;
    }
    return q;
  }

  async function list(o: OpinionListOptions, now: Date): Promise<{ total: number; items: OpinionRow[] }> {
    const filter = filterOf(o, now);
    const dir = o.order === 'asc' ? 1 : -1;
    // Codes are numbered in filing order within a (filing) year, so filing order is code order: both are
    // served by the { year, seq } index, and the test server sorts two numbers much faster than a date.
    const sort: Record<string, 1 | -1> =
      o.sort === 'deadline' ? { deadline: dir, year: dir, seq: dir } : { year: dir, seq: dir };
    const [total, items] = await Promise.all([
      Opinion.countDocuments(filter),
      Opinion.find(filter)
        .sort(sort)
        .skip((o.page - 1) * o.pageSize)
        .limit(o.pageSize)
        .select(ROW_FIELDS)
        .lean<OpinionRow[]>(),
    ]);
    return { total, items };
  }

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

  /**
   * 督办 one case (console's button, the chat's 催办): recorded in its history; the filer and co-signers are told
   * the office chased the unit, and the unit's contacts privately to answer.
   */
  async function remind({ code, expectedVersion }: OpinionRef, input: ActionInput): Promise<Opinion> {
    const before = await loadOpinion(d.models, code);
    const entry = timelineEntry('reminded', input, {
      round: before.round ?? 1,
      unit: before.unit ?? '',
      deadline: before.deadline ?? undefined,
    });
    const { doc } = await applyGuarded(
      d.models,
      code,
      { status: '已交办', round: before.round, unit: before.unit },
      { $set: { lastEventAt: input.now }, $push: { timeline: entry } },
      input.msgId,
      (current) => wrongState(current, 'remind'),
      { expectedVersion },
    );
    const index = doc.timeline.findIndex((e) => e.origin === input.msgId);
    await notices.reminded(doc, index);
    const contacts = (await contactsOfUnits(d, [doc.unit ?? ''])).get(doc.unit ?? '') ?? [];
    await d.notify.toUsers(
      `opinion:${doc.code}:chased:${index}`,
      contacts,
      t('colourNoticeChased', {
        code: doc.code,
        title: groupSafe(doc.title),
        unit: groupSafe(doc.unit ?? ''),
        deadline: formatDeadline(doc, tz, d.calendar()),
      }),
    );
    return doc;
  }

  return { filterOf, list, similarTo, monthly, remind };
}

export type ConsoleOpinions = ReturnType<typeof createConsoleOpinions>;
