import { defineCommand } from '../src/commands/types';
import { UserError } from '../src/errors';
import { t } from '../src/messages';
import type { ArrangementView } from '../src/services/calendar';
import { toHalfWidth } from '../src/text/normalize';
import {
  type ArrangementProblem,
  foldRanges,
  parseArrangement,
  toYmd,
  weekdayMakeUps,
} from '../src/time/holiday-arrangement';
import type { YearArrangement } from '../src/time/holiday-calendar';
import { formatDate, weekdayName } from '../src/time/format';
import { weekdayOfYmd, yearOf } from '../src/time/zone';

/** 1月1日, or 2月14日（周日） for days whose weekday matters (make-up working days). */
function monthDay(key: string, withWeekday = false): string {
  const d = toYmd(key);
  return `${d.month}月${d.day}日${withWeekday ? `（${weekdayName(weekdayOfYmd(d))}）` : ''}`;
}

function arrangementLines(a: YearArrangement): string[] {
  const off = foldRanges(a.off)
    .map((r) => (r.length === 1 ? monthDay(r[0]!) : `${monthDay(r[0]!)}-${monthDay(r[1]!)}`))
    .join('，');
  const on = a.on.map((d) => monthDay(d, true)).join('，');
  return [t('holidaysOff', { days: off, count: a.off.length }), t('holidaysOn', { days: on, count: a.on.length })];
}

function showView(v: ArrangementView, tz: string): string {
  if (v.source === 'none' || !v.arrangement)
    return [t('holidaysTitle', { year: v.year }), t('holidaysUnknown', { year: v.year })].join('\n');
  const source =
    v.source === 'office'
      ? t('holidaysSourceOffice', {
          name: v.updatedByName ?? '',
          when: v.updatedAt ? formatDate(v.updatedAt, tz) : '',
          shadowsFile: v.shadowsFile,
        })
      : v.source === 'file'
        ? t('holidaysSourceFile')
        : t('holidaysSourceBundled');
  return [t('holidaysTitle', { year: v.year }), ...arrangementLines(v.arrangement), source].join('\n');
}

/** `2027`, `2027年` → 2027; anything else is not a year. */
function readYear(word: string | undefined): number | undefined {
  const m = /^(\d{4})年?$/.exec(word ?? '');
  return m ? Number(m[1]) : undefined;
}

/** 节假日 [年份] shows a year; 节假日 设置 <年份> 休：… 班：… enters it (replacing what was there). */
export const holidaysCommand = defineCommand({
  name: '节假日',
  aliases: ['法定节假日', '调休'],
  role: 'office',
  summary: '查看或录入某一年的法定节假日和调休上班日（用于计算工作日期限）',
  example: '节假日 2027',
  uses: ['holidays'],
  async run({ args, services, config, now, actor }) {
    const tz = config.timezone;
    const text = toHalfWidth(args).trim();
    const words = text.split(/\s+/).filter(Boolean);
    if (/^(设置|录入)/.test(text)) {
      // `设置 2027 休：…`, also without the spaces: `设置2027年休：…`.
      const m = /^(?:设置|录入)\s*(\d{4})(?:年)?(?=\s|$|[^\d])\s*([\s\S]*)$/.exec(text);
      if (!m) return t('holidaysUsage');
      const year = Number(m[1]);
      const rest = m[2] ?? '';
      if (!rest.trim()) throw new UserError('holidaysSetUsage', { year });
      // The office's words are read here; the use case checks the days it is given, whoever sends them.
      const parsed = parseArrangement(year, rest);
      if (!parsed.ok) throw problemError(year, parsed.problem);
      const { arrangement, estimated } = await services.holidays.set(year, parsed.arrangement, actor, now);
      const makeUps = weekdayMakeUps(arrangement);
      return [
        t('holidaysSaved', { year }),
        ...arrangementLines(arrangement),
        makeUps.length ? t('holidaysWeekdayMakeUp', { days: makeUps.map((d) => monthDay(d, true)).join('、') }) : '',
        estimated.length ? t('holidaysEstimatedOpinions', { year, codes: estimated }) : '',
      ]
        .filter(Boolean)
        .join('\n');
    }
    if (words.length > 1) return t('holidaysUsage');
    const asked = readYear(words[0]);
    if (words.length === 1 && asked === undefined) return t('holidaysUsage');
    // Without a year: this year and, once it matters, the next.
    const current = yearOf(now, tz);
    const years = asked !== undefined ? [asked] : [current, current + 1];
    const views = await Promise.all(years.map((y) => services.holidays.show(y)));
    return views.map((v) => showView(v, tz)).join('\n\n');
  },
});

/** What the office's words could not say, in the chat's sentences. */
function problemError(year: number, p: ArrangementProblem): UserError {
  switch (p.kind) {
    case 'empty':
      return new UserError('holidaysSetUsage', { year });
    case 'stray':
      return new UserError('holidaysStray', { text: p.text, year });
    case 'bad_date':
      return new UserError('holidaysBadDate', { text: p.text });
    case 'other_year':
      return new UserError('holidaysOtherYear', { text: p.text, year: p.year });
    case 'reversed':
      return new UserError('holidaysReversed', { text: p.text });
    case 'too_long':
      return new UserError('holidaysTooLong', { text: p.text, max: p.max });
    case 'both':
      return new UserError('holidaysBoth', { days: p.days });
  }
}
