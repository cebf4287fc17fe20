import { addDaysYmd, fromWallTime, wallTime, weekdayOfYmd, type Ymd } from './zone';

/**
 * A standard five-field cron expression (minute hour day-of-month month day-of-week), read in a
 * time zone. We compute fire times ourselves so that slots are a pure function of (expression,
 * instant, zone): node-cron only wakes the process up.
 */
export interface CronSpec {
  expression: string;
  minutes: readonly number[];
  hours: readonly number[];
  days: ReadonlySet<number>;
  months: ReadonlySet<number>;
  /** ISO weekdays 1 = Monday … 7 = Sunday. */
  weekdays: ReadonlySet<number>;
  /** Vixie cron: when both day fields are restricted, a day matching either one fires. */
  dayStar: boolean;
  weekdayStar: boolean;
}

export class CronError extends Error {}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

interface FieldDef {
  name: string;
  min: number;
  max: number;
  names?: string[];
  /** Value the first name stands for (months start at 1, weekdays at 0). */
  nameBase?: number;
}

const FIELDS: FieldDef[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTH_NAMES, nameBase: 1 },
  { name: 'day of week', min: 0, max: 7, names: DAY_NAMES, nameBase: 0 },
];

/** Parses `30 9 * * 1-5`, `*\/15 * * * *`, `0 10 * * wed`; throws CronError naming the bad field. */
export function parseCron(expression: string): CronSpec {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) throw new CronError(`cron "${expression}": expected 5 fields, got ${parts.length}`);
  const [minutes, hours, days, months, weekdays] = parts.map((p, i) => parseField(p, FIELDS[i]!, expression));
  // 0 and 7 both mean Sunday; store ISO weekdays.
  const iso = new Set([...weekdays!].map((d) => (d === 0 ? 7 : d)));
  return {
    expression,
    minutes: [...minutes!].sort((a, b) => a - b),
    hours: [...hours!].sort((a, b) => a - b),
    days: days!,
    months: months!,
    weekdays: iso,
    dayStar: parts[2]!.startsWith('*'),
    weekdayStar: parts[4]!.startsWith('*'),
  };
}

function parseField(text: string, def: FieldDef, expression: string): Set<number> {
  const out = new Set<number>();
  const fail = (why: string) => new CronError(`cron "${expression}": ${def.name} "${text}" ${why}`);
  for (const item of text.split(',')) {
    const m = /^(\*|[a-z0-9]+(?:-[a-z0-9]+)?)(?:\/(\d+))?$/i.exec(item);
    if (!m) throw fail('is not valid');
    const step = m[2] === undefined ? 1 : Number(m[2]);
    if (step < 1) throw fail('has a zero step');
    let lo = def.min;
    let hi = def.name === 'day of week' ? 6 : def.max;
    if (m[1] !== '*') {
      const [a, b] = m[1]!.split('-');
      lo = readValue(a!, def, fail);
      hi = b === undefined ? (m[2] === undefined ? lo : def.max) : readValue(b, def, fail);
      if (hi < lo) throw fail('is a backwards range');
    }
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  return out;
}

function readValue(s: string, def: FieldDef, fail: (why: string) => CronError): number {
  const named = def.names?.indexOf(s.toLowerCase()) ?? -1;
  const v = named >= 0 ? named + (def.nameBase ?? 0) : /^\d+$/.test(s) ? Number(s) : NaN;
  if (!Number.isInteger(v) || v < def.min || v > def.max) throw fail(`is out of range ${def.min}-${def.max}`);
  return v;
}

function dayMatches(spec: CronSpec, ymd: Ymd): boolean {
  if (!spec.months.has(ymd.month)) return false;
  const byDay = spec.days.has(ymd.day);
  const byWeekday = spec.weekdays.has(weekdayOfYmd(ymd));
  if (spec.dayStar && spec.weekdayStar) return true;
  if (spec.dayStar) return byWeekday;
  if (spec.weekdayStar) return byDay;
  return byDay || byWeekday;
}

// Far enough for any real schedule (yearly, Feb 29); `0 0 31 2 *` never fires and yields undefined.
const SEARCH_DAYS = 4 * 366 + 2;

/** The latest fire time ≤ at (to the minute), or undefined if none within four years. */
export function previousFire(spec: CronSpec, at: Date, tz: string): Date | undefined {
  const w = wallTime(at, tz);
  let day: Ymd = { year: w.year, month: w.month, day: w.day };
  for (let i = 0; i < SEARCH_DAYS; i += 1, day = addDaysYmd(day, -1)) {
    if (!dayMatches(spec, day)) continue;
    for (let h = spec.hours.length - 1; h >= 0; h -= 1) {
      const hour = spec.hours[h]!;
      if (i === 0 && hour > w.hour) continue;
      for (let m = spec.minutes.length - 1; m >= 0; m -= 1) {
        const minute = spec.minutes[m]!;
        // Wall-clock pruning on the first day keeps this cheap; the instant check covers DST gaps.
        if (i === 0 && hour === w.hour && minute > w.minute) continue;
        const fire = fromWallTime({ ...day, hour, minute }, tz);
        if (fire.getTime() <= at.getTime()) return fire;
      }
    }
  }
  return undefined;
}

/** The earliest fire time strictly after `after`, or undefined if none within four years. */
export function nextFire(spec: CronSpec, after: Date, tz: string): Date | undefined {
  const w = wallTime(after, tz);
  let day: Ymd = { year: w.year, month: w.month, day: w.day };
  for (let i = 0; i < SEARCH_DAYS; i += 1, day = addDaysYmd(day, 1)) {
    if (!dayMatches(spec, day)) continue;
    for (const hour of spec.hours) {
      if (i === 0 && hour < w.hour) continue;
      for (const minute of spec.minutes) {
        if (i === 0 && hour === w.hour && minute < w.minute) continue;
        const fire = fromWallTime({ ...day, hour, minute }, tz);
        if (fire.getTime() > after.getTime()) return fire;
      }
    }
  }
  return undefined;
}

/** The next n fire times after `after` (fewer if the schedule runs out). */
export function nextFires(spec: CronSpec, after: Date, tz: string, n: number): Date[] {
  const out: Date[] = [];
  let from = after;
  for (let i = 0; i < n; i += 1) {
    const next = nextFire(spec, from, tz);
    if (!next) break;
    out.push(next);
    from = next;
  }
  return out;
}

/** `digest:2026-11-23T09:00`: the job's name and the slot's wall time in tz, the unique run key. */
export function slotKey(job: string, fire: Date, tz: string): string {
  const w = wallTime(fire, tz);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${job}:${w.year}-${p(w.month)}-${p(w.day)}T${p(w.hour)}:${p(w.minute)}`;
}
