import type { Attendance } from '../events';
import { computeRates } from '../opinions';

// The one computation of a deputy's year (履职). The 履职 command, the register export and anything
// else that shows these figures call summarizePerformance; nothing else counts them.

export interface OpinionFacts {
  code: string;
  title: string;
  source: string;
  status: string;
  rating?: string | null;
  filer: string;
  filedAt: Date;
  /** Co-signatures with their time (from the timeline). */
  cosigns: Array<{ userid: string; at: Date }>;
}

export interface StudyFacts {
  code: string;
  title: string;
  pushedAt?: Date | null;
  learned: Array<{ userid: string; at: Date }>;
}

export type ItemKind = 'opinion' | 'cosign' | 'activity' | 'meeting' | 'shift' | 'study';
export type ItemResult =
  | 'filed'
  | 'answered'
  | 'closed'
  | 'withdrawn'
  | 'rejected'
  | 'cosigned'
  | 'attended'
  | 'excused'
  | 'signedUp'
  | 'missed'
  | 'absent'
  | 'upcoming'
  | 'scheduled'
  | 'marked';

/** One line of the itemised record: what, when, result. */
export interface PerformanceItem {
  kind: ItemKind;
  code?: string;
  title: string;
  /** Activity type, meeting title's kind, opinion source, station… */
  detail?: string;
  at: Date;
  result: ItemResult;
  /** Opinions and co-signatures: the opinion's current status and rating (the 述职 draft names them). */
  status?: string;
  rating?: string;
}

export interface PerformanceFigures {
  opinions: { filed: number; relayed: number; cosigned: number; answered: number; closed: number };
  activities: {
    signedUp: number;
    attended: number;
    excused: number;
    byType: Array<{ type: string; signedUp: number; attended: number }>;
  };
  meetings: { expected: number; attended: number; excused: number; absent: number; upcoming: number };
  shifts: { scheduled: number; served: number };
  study: { marked: number; published: number };
}

export interface PerformanceRecord extends PerformanceFigures {
  userid: string;
  name: string;
  year: number;
  items: PerformanceItem[];
}

export interface SummaryInput {
  userid: string;
  name: string;
  year: number;
  /** The year's window [from, to) in the app's time zone. */
  from: Date;
  to: Date;
  now: Date;
  opinions: readonly OpinionFacts[];
  attendance: Attendance;
  study: readonly StudyFacts[];
  /** Configured activity types, for a stable column order (unknown types follow). */
  activityTypes: readonly string[];
}

const within = (d: Date, from: Date, to: Date) => d >= from && d < to;

export function summarizePerformance(i: SummaryInput): PerformanceRecord {
  const items: PerformanceItem[] = [];
  const opinions = summarizeOpinions(i, items);
  const activities = summarizeActivities(i, items);
  const meetings = { expected: 0, attended: 0, excused: 0, absent: 0, upcoming: 0 };
  for (const m of i.attendance.meetings) {
    meetings.expected += 1;
    meetings[m.result] += 1;
    items.push({ kind: 'meeting', code: m.code, title: m.title, at: m.startAt, result: m.result });
  }
  const shifts = { scheduled: i.attendance.shifts.length, served: 0 };
  for (const s of i.attendance.shifts) {
    if (s.checkedIn) shifts.served += 1;
    const result: ItemResult = s.checkedIn ? 'attended' : s.date > i.now ? 'scheduled' : 'missed';
    items.push({ kind: 'shift', title: s.station, at: s.date, result });
  }
  const study = { marked: 0, published: 0 };
  for (const s of i.study) {
    if (s.pushedAt && within(s.pushedAt, i.from, i.to)) study.published += 1;
    const mine = s.learned.find((l) => l.userid === i.userid && within(l.at, i.from, i.to));
    if (!mine) continue;
    study.marked += 1;
    items.push({ kind: 'study', code: s.code, title: s.title, at: mine.at, result: 'marked' });
  }
  items.sort((a, b) => a.at.getTime() - b.at.getTime());
  return { userid: i.userid, name: i.name, year: i.year, opinions, activities, meetings, shifts, study, items };
}

function summarizeOpinions(i: SummaryInput, items: PerformanceItem[]): PerformanceFigures['opinions'] {
  // Withdrawn opinions are the filer's own retraction: not counted as filed.
  const filed = i.opinions.filter(
    (o) => o.filer === i.userid && within(o.filedAt, i.from, i.to) && o.status !== '已撤回',
  );
  const rates = computeRates(filed);
  for (const o of filed)
    items.push({
      kind: 'opinion',
      code: o.code,
      title: o.title,
      detail: o.source,
      at: o.filedAt,
      result: opinionResult(o.status),
      ...stateOf(o),
    });
  let cosigned = 0;
  for (const o of i.opinions) {
    const sig = o.cosigns.find((c) => c.userid === i.userid && within(c.at, i.from, i.to));
    if (!sig) continue;
    cosigned += 1;
    items.push({ kind: 'cosign', code: o.code, title: o.title, at: sig.at, result: 'cosigned', ...stateOf(o) });
  }
  return {
    filed: filed.length,
    relayed: filed.filter((o) => o.source === '群众反映').length,
    cosigned,
    answered: rates.answeredOrClosed,
    closed: rates.closed,
  };
}

function stateOf(o: OpinionFacts): { status: string; rating?: string } {
  return o.rating ? { status: o.status, rating: o.rating } : { status: o.status };
}

function opinionResult(status: string): ItemResult {
  if (status === '已办结') return 'closed';
  if (status === '已答复') return 'answered';
  if (status === '已退回') return 'rejected';
  return 'filed';
}

function summarizeActivities(i: SummaryInput, items: PerformanceItem[]): PerformanceFigures['activities'] {
  const out = { signedUp: 0, attended: 0, excused: 0 };
  const byType = new Map<string, { type: string; signedUp: number; attended: number }>(
    i.activityTypes.map((t) => [t, { type: t, signedUp: 0, attended: 0 }]),
  );
  for (const a of i.attendance.activities) {
    const row = byType.get(a.type) ?? { type: a.type, signedUp: 0, attended: 0 };
    byType.set(a.type, row);
    out.signedUp += Number(a.signedUp);
    row.signedUp += Number(a.signedUp);
    out.attended += Number(a.attended);
    row.attended += Number(a.attended);
    out.excused += Number(a.excused);
    const result: ItemResult = a.attended
      ? 'attended'
      : a.excused
        ? 'excused'
        : a.startAt > i.now
          ? 'signedUp'
          : 'missed';
    items.push({ kind: 'activity', code: a.code, title: a.title, detail: a.type, at: a.startAt, result });
  }
  return { ...out, byType: [...byType.values()] };
}

/** Whether the deputy did anything at all that year (the register lists such people even if inactive now). */
export function hasAnyFigure(r: PerformanceFigures): boolean {
  return (
    r.opinions.filed +
      r.opinions.cosigned +
      r.activities.signedUp +
      r.activities.attended +
      r.activities.excused +
      r.meetings.expected +
      r.shifts.scheduled +
      r.study.marked >
    0
  );
}
