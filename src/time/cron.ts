import { Cron } from 'croner';
import { wallTime } from './zone';

/**
 * A standard five-field cron expression (minute hour day-of-month month day-of-week), read in a time
 * zone by croner. Slots stay a pure function of (expression, instant, zone): node-cron only wakes the
 * process up.
 */
export interface CronSpec {
  readonly expression: string;
}

export class CronError extends Error {}

const FIELDS = ['minute', 'hour', 'day of month', 'month', 'day of week'] as const;

/** croner's refusal, said in the operator's terms: the expression, the field and what is wrong with it. */
function explain(expression: string, message: string): string {
  const parts = expression.trim().split(/\s+/);
  const fieldOf = (text: string) =>
    FIELDS[parts.findIndex((p) => p.split(',').includes(text) || p === text)] ?? 'field';
  const prefix = `cron "${expression}":`;
  let m = /Invalid value for ([a-z ]+?): (\S+)/i.exec(message);
  if (m)
    return `${prefix} ${m[1]!.replace('dayOfWeek', 'day of week').replace('dayOfMonth', 'day of month')} "${m[2]}" is out of range`;
  m = /configuration entry (\d+) \(([^)]*)\)/.exec(message);
  if (m) return `${prefix} ${FIELDS[Number(m[1]) - 1] ?? 'field'} "${m[2]}" is not valid`;
  m = /larger than to value: '([^']*)'/.exec(message);
  if (m) return `${prefix} ${fieldOf(m[1]!)} "${m[1]}" is a backwards range`;
  if (/illegal stepping: 0/.test(message)) {
    const part = parts.find((p) => /\/0+(,|$)/.test(p)) ?? '';
    return `${prefix} ${FIELDS[parts.indexOf(part)] ?? 'field'} "${part}" has a zero step`;
  }
  if (/exactly|requires exactly/.test(message)) return `${prefix} expected 5 fields, got ${parts.length}`;
  return `${prefix} ${message.replace(/^CronPattern:\s*/, '')}`;
}

const compiled = new Map<string, Cron>();

/** One paused croner schedule per expression and zone (it never runs anything itself). */
function cronFor(spec: CronSpec, tz: string): Cron {
  const key = `${tz}\n${spec.expression}`;
  let c = compiled.get(key);
  if (!c) {
    c = new Cron(spec.expression, { timezone: tz, mode: '5-part', sloppyRanges: true, paused: true });
    compiled.set(key, c);
  }
  return c;
}

/** Parses `30 9 * * 1-5`, `*\/15 * * * *`, `0 10 * * wed`; throws CronError naming the bad field. */
export function parseCron(expression: string): CronSpec {
  try {
    cronFor({ expression }, 'UTC');
  } catch (err) {
    throw new CronError(explain(expression, (err as Error).message), { cause: err });
  }
  return { expression };
}

/** The latest fire time ≤ at (to the minute), or undefined if there is none. */
export function previousFire(spec: CronSpec, at: Date, tz: string): Date | undefined {
  // croner looks strictly before its reference: one second past `at` (whole seconds) lets `at` itself count.
  const reference = new Date(Math.floor(at.getTime() / 1000) * 1000 + 1000);
  const [fire] = cronFor(spec, tz).previousRuns(1, reference);
  return fire && fire.getTime() <= at.getTime() ? fire : undefined;
}

/** The earliest fire time strictly after `after`, or undefined if there is none. */
export function nextFire(spec: CronSpec, after: Date, tz: string): Date | undefined {
  return cronFor(spec, tz).nextRun(after) ?? undefined;
}

/** The next n fire times after `after` (fewer if the schedule runs out). */
export function nextFires(spec: CronSpec, after: Date, tz: string, n: number): Date[] {
  return cronFor(spec, tz).nextRuns(n, after);
}

/** `digest:2026-11-23T09:00`: the job's name and the slot's wall time in tz, the unique run key. */
export function slotKey(job: string, fire: Date, tz: string): string {
  const w = wallTime(fire, tz);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${job}:${w.year}-${p(w.month)}-${p(w.day)}T${p(w.hour)}:${p(w.minute)}`;
}
