import * as chronoZh from 'chrono-node/zh';
import { toHalfWidth } from '../text/normalize';
import {
  DEFAULT_TZ,
  addDaysYmd,
  compareYmd,
  fromWallTime,
  isValidYmd,
  wallTime,
  weekdayOfYmd,
  zoneOffsetMinutes,
  type Ymd,
} from './zone';

export type ParsedWhen =
  | { ok: true; date: Date; hasTime: boolean; matched: string }
  | { ok: false; reason: 'empty' | 'unrecognized' | 'invalid_date' };

/** A ParsedWhen found inside a longer text; index is where `matched` starts (-1 when nothing was found). */
export type FoundWhen = ParsedWhen & { index: number };

export interface WhenOptions {
  now: Date;
  /** IANA zone the user's wall times are in; defaults to Asia/Shanghai. */
  tz?: string;
}

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN = '[零〇一二两三四五六七八九十]';
const NUM = `(?:\\d{1,2}|${CN}{1,3})`;
const WEEKDAY_CHAR = '[一二三四五六日天1-7]';
const AFTER = '(?:后|以后|之后)';

/** Arabic or simple Chinese numerals (一 … 九十九, 两, 〇); null if not a number. */
export function parseChineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (!new RegExp(`^${CN}+$`).test(s)) return null;
  const ten = s.indexOf('十');
  if (ten === -1) {
    // Digit by digit, as in 二〇二六.
    return [...s].reduce((acc, ch) => acc * 10 + (CN_DIGITS[ch] ?? 0), 0);
  }
  if (s.indexOf('十', ten + 1) !== -1) return null;
  const tens = ten === 0 ? 1 : CN_DIGITS[s.slice(0, ten)];
  const ones = ten === s.length - 1 ? 0 : CN_DIGITS[s.slice(ten + 1)];
  if (tens === undefined || ones === undefined) return null;
  return tens * 10 + ones;
}

interface Ctx {
  now: Date;
  tz: string;
  today: Ymd;
}

/** A date expression found at a position; ymd null means it names an impossible date. */
interface DateHit {
  end: number;
  ymd: Ymd | null;
  /** Period implied by words like 今晚 / 明早. */
  period?: string;
  /** The expression already named a weekday, so a trailing （周三） is not expected. */
  isWeekday?: boolean;
}

type DateMatcher = {
  re: RegExp;
  build: (m: RegExpExecArray, ctx: Ctx) => Ymd | null;
  period?: (m: RegExpExecArray) => string | undefined;
  isWeekday?: boolean;
};

const RELATIVE_DAYS: Record<string, number> = {
  今天: 0,
  今日: 0,
  今儿: 0,
  明天: 1,
  明日: 1,
  明儿: 1,
  后天: 2,
  大后天: 3,
  今晚: 0,
  今早: 0,
  明晚: 1,
  明早: 1,
};
const WORD_PERIOD: Record<string, string> = { 今晚: '晚上', 明晚: '晚上', 今早: '早上', 明早: '早上' };

const DATE_MATCHERS: DateMatcher[] = [
  { re: /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/y, build: (m) => exact(num(m[1]), num(m[2]), num(m[3])) },
  {
    re: new RegExp(`(\\d{4})\\s*年\\s*(${NUM})\\s*月\\s*(${NUM})\\s*[日号]`, 'y'),
    build: (m) => exact(num(m[1]), num(m[2]), num(m[3])),
  },
  {
    re: new RegExp(`(今年|明年)\\s*(${NUM})\\s*月\\s*(${NUM})\\s*[日号]`, 'y'),
    build: (m, c) => exact(c.today.year + (m[1] === '明年' ? 1 : 0), num(m[2]), num(m[3])),
  },
  {
    re: new RegExp(`(${NUM})\\s*月\\s*(${NUM})\\s*[日号]`, 'y'),
    build: (m, c) => upcomingMonthDay(num(m[1]), num(m[2]), c),
  },
  {
    re: new RegExp(`(本月|这个?月|下个?月)\\s*(${NUM})\\s*[日号]`, 'y'),
    build: (m, c) => inMonth(c.today, m[1]?.startsWith('下') ? 1 : 0, num(m[2])),
  },
  { re: /(\d{1,2})[-/](\d{1,2})(?=\s|T|$)/y, build: (m, c) => upcomingMonthDay(num(m[1]), num(m[2]), c) },
  // 号 followed by a building/room word is an address (3号楼), not a day.
  { re: new RegExp(`(${NUM})\\s*号(?![楼院室门线房厅馆口])`, 'y'), build: (m, c) => upcomingDayOfMonth(num(m[1]), c) },
  {
    re: /(大后天|后天|明天|明日|明儿|今天|今日|今儿|今晚|明晚|今早|明早)/y,
    build: (m, c) => addDaysYmd(c.today, RELATIVE_DAYS[m[1] ?? ''] ?? 0),
    period: (m) => WORD_PERIOD[m[1] ?? ''],
  },
  {
    re: new RegExp(`(下下|下|本|这|上)?个?\\s*(?:周|星期|礼拜)\\s*(${WEEKDAY_CHAR})`, 'y'),
    build: (m, c) => weekdayDate(m[1], weekdayIndex(m[2] ?? ''), c.today),
    isWeekday: true,
  },
  {
    re: new RegExp(`(\\d{1,3}|${CN}{1,3})\\s*个?\\s*(天|日|周|星期|礼拜)\\s*${AFTER}`, 'y'),
    build: (m, c) => {
      const days = num(m[1]) * (m[2] === '天' || m[2] === '日' ? 1 : 7);
      return Number.isFinite(days) ? addDaysYmd(c.today, days) : null;
    },
  },
];

const WEEKDAY_NOTE = new RegExp(`\\s*\\(?\\s*(?:周|星期|礼拜)(${WEEKDAY_CHAR})\\s*\\)?`, 'y');
const TIME_RE = new RegExp(
  '\\s*T?\\s*(凌晨|清晨|早上|早晨|上午|中午|下午|午后|傍晚|晚上|晚间|夜里|夜间|早|晚)?\\s*' +
    `(?:(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?!\\d)|(${NUM})\\s*[点时]钟?(?:(半)|(一刻|三刻)|(${NUM})分?|整)?)?`,
  'y',
);
const DURATION_RE = new RegExp(`(半|\\d{1,3}|${CN}{1,3})\\s*个?\\s*(小时|钟头|分钟)\\s*${AFTER}`, 'y');

// Used when only a part of the day is named (明天下午): the echo shows the guess to the user.
const PERIOD_DEFAULT_HOUR: Record<string, number> = {
  清晨: 8,
  早上: 8,
  早晨: 8,
  上午: 9,
  中午: 12,
  下午: 15,
  午后: 15,
  傍晚: 18,
  晚上: 19,
  晚间: 19,
};

interface TimeHit {
  end: number;
  /** null: the clock reading is impossible (25:00, 上午15点). */
  hm: { hour: number; minute: number; second: number } | null;
  /** The hour was a Chinese numeral with no period word. */
  cnHourOnly: boolean;
}

/** Parses a date/time at the start of text (leading spaces allowed); trailing text is left to the caller. */
export function parseWhen(text: string, opts: WhenOptions): ParsedWhen {
  const norm = prepare(text);
  if (norm.trim() === '') return { ok: false, reason: 'empty' };
  const ctx = makeCtx(opts);
  const start = norm.length - norm.trimStart().length;
  const own = parseAt(norm, start, ctx, false);
  if (own) return toParsed(own, text, start);
  const viaChrono = parseWithChrono(norm, ctx);
  if (viaChrono && viaChrono.index === start) return toParsed(viaChrono, text, start);
  return { ok: false, reason: 'unrecognized' };
}

/** Finds the first date/time expression anywhere in text, e.g. in `公告 时间：明天上午9点 内容…`. */
export function findWhen(text: string, opts: WhenOptions): FoundWhen {
  const norm = prepare(text);
  if (norm.trim() === '') return { ok: false, reason: 'empty', index: -1 };
  const ctx = makeCtx(opts);
  for (let i = 0; i < norm.length; i += 1) {
    if (!isTokenStart(norm, i)) continue;
    const hit = parseAt(norm, i, ctx, true);
    if (hit) return { ...toParsed(hit, text, i), index: i };
  }
  const viaChrono = parseWithChrono(norm, ctx);
  // Inside free text only a date with numbers counts; chrono's lone 下午 / 三点 are too often false hits.
  const numericDate =
    viaChrono?.hasDay && /[\d零〇一二两三四五六七八九十]/.test(norm.slice(viaChrono.index, viaChrono.end));
  if (viaChrono && numericDate) return { ...toParsed(viaChrono, text, viaChrono.index), index: viaChrono.index };
  return { ok: false, reason: 'unrecognized', index: -1 };
}

type Hit = { end: number; date: Date | null; hasTime: boolean };

function toParsed(hit: Hit, original: string, start: number): ParsedWhen {
  if (!hit.date) return { ok: false, reason: 'invalid_date' };
  return { ok: true, date: hit.date, hasTime: hit.hasTime, matched: original.slice(start, hit.end).trimEnd() };
}

function makeCtx(opts: WhenOptions): Ctx {
  const tz = opts.tz ?? DEFAULT_TZ;
  const w = wallTime(opts.now, tz);
  return { now: opts.now, tz, today: { year: w.year, month: w.month, day: w.day } };
}

/** Length-preserving normalisation, so indexes still point into the original text. */
function prepare(text: string): string {
  return toHalfWidth(text).replace(/[\u00a0\u2002-\u200a\u202f\u205f]/g, ' ');
}

function isTokenStart(s: string, i: number): boolean {
  if (/\s/.test(s[i] ?? '')) return false;
  const prev = s[i - 1];
  if (prev === undefined) return true;
  // Do not start in the middle of a number (the 2 of 12月).
  return !/[\d零〇一二两三四五六七八九十]/.test(prev);
}

function parseAt(s: string, pos: number, ctx: Ctx, inText: boolean): Hit | null {
  const duration = execAt(DURATION_RE, s, pos);
  if (duration) return durationHit(duration, ctx);
  const dateHit = matchDate(s, pos, ctx);
  if (dateHit) return withTime(s, dateHit, ctx);
  const time = matchTime(s, pos, undefined, !inText);
  // In free text a lone 下午 or 三点 / 一时 is rarely a time (提出三点建议, 统一时间): require digits or a period word.
  if (!time || (inText && time.cnHourOnly)) return null;
  return { end: time.end, date: time.hm ? toInstant(ctx.today, time.hm, ctx.tz) : null, hasTime: true };
}

function durationHit(m: RegExpExecArray, ctx: Ctx): Hit {
  const n = m[1] === '半' ? 0.5 : num(m[1]);
  const minutes = m[2] === '分钟' ? n : n * 60;
  const date = Number.isFinite(minutes) ? new Date(ctx.now.getTime() + minutes * 60_000) : null;
  return { end: m.index + m[0].length, date, hasTime: true };
}

function matchDate(s: string, pos: number, ctx: Ctx): DateHit | null {
  for (const matcher of DATE_MATCHERS) {
    const m = execAt(matcher.re, s, pos);
    if (!m) continue;
    return {
      end: pos + m[0].length,
      ymd: matcher.build(m, ctx),
      period: matcher.period?.(m),
      isWeekday: matcher.isWeekday,
    };
  }
  return null;
}

function withTime(s: string, hit: DateHit, ctx: Ctx): Hit {
  let { end, ymd } = hit;
  if (!hit.isWeekday) {
    const note = execAt(WEEKDAY_NOTE, s, end);
    if (note) {
      end += note[0].length;
      // A date written with a contradicting weekday is a typo we must not guess around.
      if (ymd && weekdayOfYmd(ymd) !== weekdayIndex(note[1] ?? '')) ymd = null;
    }
  }
  const time = matchTime(s, end, hit.period, true);
  if (!ymd) return { end: time?.end ?? end, date: null, hasTime: time !== null };
  if (!time) {
    const defaultHour = hit.period ? PERIOD_DEFAULT_HOUR[hit.period] : undefined;
    if (defaultHour !== undefined)
      return { end, date: toInstant(ymd, { hour: defaultHour, minute: 0, second: 0 }, ctx.tz), hasTime: true };
    return { end, date: fromWallTime(ymd, ctx.tz), hasTime: false };
  }
  return { end: time.end, date: time.hm ? toInstant(ymd, time.hm, ctx.tz) : null, hasTime: true };
}

/** A clock time at pos; a bare period word (下午) counts only when allowed (after a date, or standing alone). */
function matchTime(
  s: string,
  pos: number,
  impliedPeriod: string | undefined,
  allowBarePeriod: boolean,
): TimeHit | null {
  const m = execAt(TIME_RE, s, pos);
  if (!m) return null;
  const [, period, h1, m1, s1, h2, half, quarter, m2] = m;
  const end = pos + m[0].length;
  const hourText = h1 ?? h2;
  if (hourText === undefined) {
    const defaultHour = period ? PERIOD_DEFAULT_HOUR[period] : undefined;
    if (!allowBarePeriod || defaultHour === undefined) return null;
    return { end: pos + m[0].trimEnd().length, hm: { hour: defaultHour, minute: 0, second: 0 }, cnHourOnly: false };
  }
  const minute =
    m1 !== undefined ? num(m1) : half ? 30 : quarter ? (quarter === '一刻' ? 15 : 45) : m2 !== undefined ? num(m2) : 0;
  const second = s1 !== undefined ? num(s1) : 0;
  const hour = applyPeriod(period ?? impliedPeriod, num(hourText), minute);
  const cnHourOnly = period === undefined && !/^\d/.test(hourText);
  return { end, hm: hour === null || second > 59 ? null : { hour, minute, second }, cnHourOnly };
}

/** 24-hour value for an hour said with a part of the day; may exceed 23 (past midnight), null if impossible. */
function applyPeriod(period: string | undefined, h: number, minute: number): number | null {
  if (!Number.isInteger(h) || !Number.isInteger(minute) || minute > 59) return null;
  switch (period) {
    case undefined:
      return h <= 23 || (h === 24 && minute === 0) ? h : null;
    case '凌晨':
      return h === 12 ? 0 : h <= 6 ? h : null;
    case '清晨':
    case '早':
    case '早上':
    case '早晨':
    case '上午':
      return h <= 12 ? h : null;
    case '中午':
      return h >= 1 && h <= 3 ? h + 12 : h >= 11 && h <= 14 ? h : null;
    case '下午':
    case '午后':
      return h >= 1 && h <= 11 ? h + 12 : h >= 12 && h <= 23 ? h : null;
    default:
      // Evening words: 晚上8点 = 20:00, 晚上12点 = midnight, 晚上1点 = 01:00 the next day.
      return h <= 4 ? h + 24 : h <= 11 ? h + 12 : h === 12 ? 24 : h <= 23 ? h : null;
  }
}

function toInstant(ymd: Ymd, hm: { hour: number; minute: number; second: number }, tz: string): Date {
  const extraDays = Math.floor(hm.hour / 24);
  return fromWallTime({ ...addDaysYmd(ymd, extraDays), hour: hm.hour % 24, minute: hm.minute, second: hm.second }, tz);
}

function exact(year: number, month: number, day: number): Ymd | null {
  return isValidYmd(year, month, day) ? { year, month, day } : null;
}

/** Month/day without a year: this year, or next year if that day is already behind us. */
function upcomingMonthDay(month: number, day: number, ctx: Ctx): Ymd | null {
  const thisYear = { year: ctx.today.year, month, day };
  const year = compareYmd(thisYear, ctx.today) < 0 ? ctx.today.year + 1 : ctx.today.year;
  return exact(year, month, day);
}

function inMonth(today: Ymd, monthsAhead: number, day: number): Ymd | null {
  const index = today.month - 1 + monthsAhead;
  return exact(today.year + Math.floor(index / 12), (index % 12) + 1, day);
}

/** 5号: this month, or next month when the day has passed; never shifted past a short month. */
function upcomingDayOfMonth(day: number, ctx: Ctx): Ymd | null {
  if (day < 1 || day > 31) return null;
  return inMonth(ctx.today, day < ctx.today.day ? 1 : 0, day);
}

/** Weeks run Monday to Sunday; a bare weekday is the next one on or after today. */
function weekdayDate(prefix: string | undefined, target: number, today: Ymd): Ymd {
  const current = weekdayOfYmd(today);
  if (prefix === undefined) return addDaysYmd(today, (target - current + 7) % 7);
  const weeks = prefix === '下下' ? 2 : prefix === '下' ? 1 : prefix === '上' ? -1 : 0;
  return addDaysYmd(today, target - current + weeks * 7);
}

function weekdayIndex(ch: string): number {
  const index = '一二三四五六日'.indexOf(ch);
  if (index >= 0) return index + 1;
  if (ch === '天') return 7;
  return Number(ch);
}

function parseWithChrono(s: string, ctx: Ctx): (Hit & { index: number; hasDay: boolean }) | null {
  const ref = { instant: ctx.now, timezone: zoneOffsetMinutes(ctx.now, ctx.tz) };
  const result = chronoZh.hans.parse(s, ref, { forwardDate: true })[0];
  if (!result) return null;
  const c = result.start;
  const parts = [c.get('year'), c.get('month'), c.get('day'), c.get('hour') ?? 0, c.get('minute') ?? 0] as const;
  const [year, month, day, hour, minute] = parts;
  const end = result.index + result.text.length;
  const hasDay = c.isCertain('day') || c.isCertain('weekday');
  // "2026年12月" or "中午" alone: chrono would fill the gaps from today, a guess we must not make.
  if (!hasDay && !c.isCertain('hour')) return null;
  // chrono may roll impossible dates over; only accept what is a real calendar day and clock time.
  if (year === null || month === null || day === null || !isValidYmd(year, month, day) || hour > 23 || minute > 59) {
    return { index: result.index, end, date: null, hasTime: false, hasDay };
  }
  const hasTime = c.isCertain('hour');
  const date = hasTime
    ? fromWallTime({ year, month, day, hour, minute }, ctx.tz)
    : fromWallTime({ year, month, day }, ctx.tz);
  return { index: result.index, end, date, hasTime, hasDay };
}

function execAt(re: RegExp, s: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(s);
}

function num(s: string | undefined): number {
  return s === undefined ? NaN : (parseChineseNumber(s) ?? NaN);
}
