import { addDaysYmd, compareYmd, isValidYmd, weekdayOfYmd, type Ymd } from './zone';

// Dates in Chinese words (明天, 下周三, 12月5日, 3天后, …) and Chinese numbers: the chat door's reading, used by
// parse-time.ts. Like it, only doors may import this (services-no-chat-words).

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
export const CN = '[零〇一二两三四五六七八九十]';
export const NUM = `(?:\\d{1,2}|${CN}{1,3})`;
export const WEEKDAY_CHAR = '[一二三四五六日天1-7]';
export const AFTER = '(?:后|以后|之后)';

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

export interface Ctx {
  now: Date;
  tz: string;
  today: Ymd;
}

/** A date expression found at a position; ymd null means it names an impossible date. */
export interface DateHit {
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

export const DATE_MATCHERS: DateMatcher[] = [
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

export function weekdayIndex(ch: string): number {
  const index = '一二三四五六日'.indexOf(ch);
  if (index >= 0) return index + 1;
  if (ch === '天') return 7;
  return Number(ch);
}

export function num(s: string | undefined): number {
  return s === undefined ? NaN : (parseChineseNumber(s) ?? NaN);
}
