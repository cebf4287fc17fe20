import * as chronoZh from 'chrono-node/zh';
import { toHalfWidth } from '../text/normalize';
import {
  AFTER,
  CN,
  type Ctx,
  DATE_MATCHERS,
  type DateHit,
  NUM,
  num,
  WEEKDAY_CHAR,
  weekdayIndex,
} from './chinese-dates';
import {
  DEFAULT_TZ,
  addDaysYmd,
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

export { parseChineseNumber } from './chinese-dates';

export interface WhenOptions {
  now: Date;
  /** IANA zone the user's wall times are in; defaults to Asia/Shanghai. */
  tz?: string;
}

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
