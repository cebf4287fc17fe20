import { t } from '../../messages';
import { groupSafe } from '../../text/group-safe';
import { splitByBytes, utf8Bytes } from '../../text/split';
import { formatMonthDay, formatShortDateTime } from '../../time/format';
import type { UpcomingEvents } from '../events';
import type { PeriodStats } from '../opinions';

export interface DigestData {
  /** When it is built (the Monday 09:00 slot, or the time of a 周报 preview). */
  now: Date;
  /** Last week, [from, to). */
  period: { from: Date; to: Date };
  upcoming: UpcomingEvents;
  lastWeek: PeriodStats;
  overdue: { count: number; oldest?: { code: string; title: string; overdueDays: number } };
  year: number;
  rates: { answerRate: string; closeRate: string; satisfactionRate: string; resolveRate: string };
  /** Study items pushed last week, with how many marked them out of how many deputies. */
  study: Array<{ code: string; title: string; learned: number; total: number }>;
}

export interface DigestFormatOptions {
  tz: string;
  /** WeCom's markdown limit; each returned part stays within it. */
  maxBytes?: number;
  /** Longest list of activities/meetings before "另有 n 项". */
  maxItems?: number;
}

/** Group-visible text from stored titles/places: no phone or ID numbers, no mentions or markup. */
function safe(s: string): string {
  return groupSafe(s).replace(/\s+/g, ' ').trim();
}

function listOf<T>(items: T[], max: number, line: (item: T) => string, command: string): string[] {
  const shown = items.slice(0, max).map(line);
  if (items.length > max) shown.push(t('digestMore', { count: items.length - max, command }));
  return shown;
}

function upcomingSection(d: DigestData, o: Required<DigestFormatOptions>): string | undefined {
  const { activities, meetings } = d.upcoming;
  if (activities.length === 0 && meetings.length === 0) return undefined;
  const when = (at: Date) => formatShortDateTime(at, o.tz, d.now);
  const lines = [t('digestUpcomingHeader')];
  if (activities.length) {
    lines.push(t('digestActivitiesLabel'));
    lines.push(
      ...listOf(
        activities,
        o.maxItems,
        (a) =>
          t('digestActivityLine', {
            code: a.code,
            title: safe(a.title),
            when: when(a.startAt),
            place: safe(a.place),
            places: placesText(a),
          }),
        '活动',
      ),
    );
  }
  if (meetings.length) {
    lines.push(t('digestMeetingsLabel'));
    lines.push(
      ...listOf(
        meetings,
        o.maxItems,
        (m) =>
          t('digestMeetingLine', {
            code: m.code,
            title: safe(m.title),
            when: when(m.startAt),
            place: safe(m.place),
            answered: m.answered,
            expected: m.expected,
          }),
        '会议',
      ),
    );
  }
  return lines.join('\n');
}

function placesText(a: { capacity?: number; confirmed: number }): string {
  if (a.capacity === undefined || a.capacity === null) return t('digestPlacesOpen');
  const left = a.capacity - a.confirmed;
  return left > 0 ? t('digestPlacesLeft', { left }) : t('digestPlacesFull');
}

function lastWeekSection(d: DigestData, tz: string): string | undefined {
  const w = d.lastWeek;
  const r = w.ratings;
  const rated = r.满意 + r.基本满意 + r.不满意;
  if (w.filed + w.assigned + w.answered + w.closed + rated === 0) return undefined;
  const lastDay = new Date(d.period.to.getTime() - 1);
  const lines = [
    t('digestLastWeekHeader', { from: formatMonthDay(d.period.from, tz), to: formatMonthDay(lastDay, tz) }),
  ];
  const categories = Object.entries(w.byCategory)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([name, n]) => `${safe(name)} ${n}`)
    .join('、');
  if (w.filed > 0) lines.push(t('digestFiled', { filed: w.filed, categories }));
  if (w.assigned + w.answered + w.closed > 0)
    lines.push(t('digestProgress', { assigned: w.assigned, answered: w.answered, closed: w.closed }));
  if (rated > 0) lines.push(t('digestRatings', { good: r.满意, fair: r.基本满意, bad: r.不满意 }));
  return lines.join('\n');
}

function overdueSection(d: DigestData): string | undefined {
  if (d.overdue.count <= 0) return undefined;
  const lines = [t('digestOverdueHeader'), t('digestOverdue', { count: d.overdue.count })];
  const oldest = d.overdue.oldest;
  if (oldest)
    lines.push(t('digestOverdueOldest', { code: oldest.code, title: safe(oldest.title), days: oldest.overdueDays }));
  return lines.join('\n');
}

function ratesSection(d: DigestData): string | undefined {
  const { answerRate, closeRate, satisfactionRate, resolveRate } = d.rates;
  const known = [answerRate, closeRate, satisfactionRate, resolveRate].some((r) => r && r !== '—');
  if (!known) return undefined;
  return [
    t('digestRatesHeader', { year: d.year }),
    t('digestRates', { answer: answerRate, close: closeRate, satisfaction: satisfactionRate, resolve: resolveRate }),
  ].join('\n');
}

function studySection(d: DigestData): string | undefined {
  if (d.study.length === 0) return undefined;
  return [
    t('digestStudyHeader'),
    ...d.study.map((s) =>
      t('digestStudyLine', { code: s.code, title: safe(s.title), learned: s.learned, total: s.total }),
    ),
  ].join('\n');
}

function todoSection(d: DigestData): string {
  const items: string[] = [];
  const open =
    d.upcoming.activities.find((a) => a.capacity === undefined || a.capacity === null || a.capacity > a.confirmed) ??
    d.upcoming.activities[0];
  if (open) items.push(t('digestTodoSignup', { code: open.code }));
  const meeting = d.upcoming.meetings[0];
  if (meeting) items.push(t('digestTodoMeeting', { code: meeting.code }));
  const item = d.study[d.study.length - 1];
  if (item) items.push(t('digestTodoStudy', { code: item.code }));
  items.push(t('digestTodoOpinion'));
  return [t('digestTodoHeader'), t('digestTodoJoin', { items })].join('\n');
}

/**
 * The weekly digest as markdown parts, each within maxBytes. Sections with nothing to say are left
 * out; a week with nothing at all is one line. Parts break between sections where they can.
 */
export function formatDigest(d: DigestData, opts: DigestFormatOptions): string[] {
  const o = { maxBytes: 4096, maxItems: 8, ...opts };
  const title = t('digestTitle', { date: formatMonthDay(d.now, o.tz) });
  const weekly = [upcomingSection(d, o), lastWeekSection(d, o.tz), overdueSection(d), studySection(d)].filter(
    (s): s is string => s !== undefined,
  );
  const rates = ratesSection(d);
  const sections =
    weekly.length === 0
      ? [[title, t('digestEmptyWeek')].join('\n'), ...(rates ? [rates] : [])]
      : [title, ...weekly, ...(rates ? [rates] : []), todoSection(d)];
  return packSections(sections, o.maxBytes);
}

/** Packs whole sections into parts of at most maxBytes; a section too big on its own is split by bytes. */
export function packSections(sections: string[], maxBytes: number): string[] {
  const parts: string[] = [];
  let current = '';
  for (const section of sections) {
    const joined = current ? `${current}\n\n${section}` : section;
    if (utf8Bytes(joined) <= maxBytes) {
      current = joined;
      continue;
    }
    if (current) parts.push(current);
    if (utf8Bytes(section) <= maxBytes) {
      current = section;
      continue;
    }
    const pieces = splitByBytes(section, maxBytes);
    parts.push(...pieces.slice(0, -1));
    current = pieces[pieces.length - 1] ?? '';
  }
  if (current) parts.push(current);
  return parts;
}
