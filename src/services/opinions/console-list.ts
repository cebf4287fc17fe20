import type { Colour } from '../../contracts/labels';
import type { OpinionStatus } from '../../models/opinion';
import { escapeRegex } from '../../text/normalize';
import { wallTime } from '../../time/zone';
import { formatCode, parseCode } from '../codes';
import { colourFilter, colourRuleOf } from './colours';
import type { Opinion, OpinionDeps } from './opinion-steps';

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
 * The office console's list. On MongoDB it is served by the `{ year, seq }` index (filter on the year, sort by
 * code = filing order), `{ status, deadline }` for the overdue / due-soon views and `{ year, status, seq }` for a
 * status within a year.
 */
export function createOpinionList(d: OpinionDeps) {
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

  return { filterOf, list };
}
