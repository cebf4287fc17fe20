import type { Logger } from 'pino';
import type { UpdateQuery } from 'mongoose';
import type { Config } from '../../../config';
import type { Actor } from '../roster';
import { UserError } from '../../errors';
import { t } from '../../messages';
import type { Models } from '../../models';
import type { OpinionDoc, OpinionStatus, TimelineAction, TimelineEntry, TimelineVia } from '../../models/opinion';
import { formatDate, formatShortDateTime } from '../../time/format';
import { formatCode, parseCode } from '../codes';
import type { Notifier } from '../delivery';
import type { Roster } from '../roster';
import type { HolidayCalendar } from '../../time/holiday-calendar';
import { addWorkdays } from '../../time/workdays';
import { wallTime } from '../../time/zone';

/** What every opinion service part needs. */
export interface OpinionDeps {
  models: Models;
  config: Config;
  log: Logger;
  notify: Notifier;
  roster: Roster;
  /** The deployment's official calendar (entered years, then the bundled data). */
  calendar: () => HolidayCalendar;
}

export type Opinion = OpinionDoc;
// Re-exported so handlers can name them without reaching into models.
export type { Rating, TimelineEntry } from '../../models/opinion';

/** Who acted and why, for a state change: the timeline entry's author and its idempotency key. */
export interface ActionInput {
  actor: Actor;
  msgId: string;
  now: Date;
  /** Where the step was taken (recorded in the timeline); the chat when absent. */
  via?: TimelineVia;
  /** The opinion's version (history length) the console page was showing: a different one → refused as changed meanwhile. */
  expectedVersion?: number;
}

/** An opinion's version for optimistic concurrency: every change, from chat or console, appends to its history. */
export function versionOf(o: Pick<Opinion, 'timeline'>): number {
  return o.timeline.length;
}

/** Refuses a console action based on a stale page (a retry of an applied action is not stale: check replays first). */
export function checkVersion(current: Opinion, input: Pick<ActionInput, 'expectedVersion'>): void {
  if (input.expectedVersion !== undefined && versionOf(current) !== input.expectedVersion)
    throw new UserError('opinionChangedMeanwhile', { code: current.code });
}

/** A refused opinion step; the words live in messages (opinionVerb). */
export type OpinionVerb =
  'cosign' | 'withdraw' | 'rate' | 'assign' | 'reassign' | 'answer' | 'close' | 'reject' | 'remind';

export const OPEN_STATUSES: readonly OpinionStatus[] = ['待交办', '已交办', '已答复'];

/** Reads `YJ2026-007` / `yj2026-7` / `7` (this year) / full-width forms; refuses anything else. */
export function resolveCode(input: string, now: Date, tz: string, usage: { command: string }): string {
  const example = `YJ${wallTime(now, tz).year}-001`;
  if (!input.trim()) throw new UserError('opinionCodeMissing', { command: usage.command, example });
  const code = parseCode(input, 'YJ', wallTime(now, tz).year);
  if (!code) throw new UserError('opinionBadCode', { input: input.slice(0, 20), command: usage.command, example });
  return formatCode(code);
}

export async function loadOpinion(models: Models, code: string): Promise<Opinion> {
  const doc = await models.Opinion.findOne({ code }).lean<Opinion>();
  if (!doc) throw new UserError('opinionNotFound', { code });
  return doc;
}

export function timelineEntry(
  action: TimelineAction,
  input: ActionInput,
  extra: Partial<TimelineEntry> = {},
): TimelineEntry {
  return {
    at: input.now,
    action,
    by: input.actor.userid,
    byName: input.actor.name,
    origin: input.msgId,
    ...(input.via ? { via: input.via } : {}),
    ...extra,
  } as TimelineEntry;
}

export type Applied = { doc: Opinion; replay: boolean };

/**
 * One guarded atomic update. The filter carries the precondition and "this message has not been applied
 * yet"; on a miss we re-read: our own earlier application (a WeCom retry) is a replay, anything else is
 * explained by the caller.
 */
export async function applyGuarded(
  models: Models,
  code: string,
  guard: Record<string, unknown>,
  update: UpdateQuery<Opinion>,
  msgId: string,
  explain: (current: Opinion) => never,
  opts: {
    /** For updates that address one element of an array (`rounds.$[r]`). */
    arrayFilters?: Array<Record<string, unknown>>;
    /** A console action pins the history length it was decided on (a stale page gets 409). */
    expectedVersion?: number;
  } = {},
): Promise<Applied> {
  const { arrayFilters, expectedVersion } = opts;
  const pinned = expectedVersion === undefined ? {} : { timeline: { $size: expectedVersion } };
  // "Not applied yet" is a guard on the timeline itself: no entry carries this message id.
  const doc = await models.Opinion.findOneAndUpdate(
    { code, ...guard, ...pinned, 'timeline.origin': { $ne: msgId } },
    update,
    { returnDocument: 'after', ...(arrayFilters ? { arrayFilters } : {}) },
  ).lean<Opinion>();
  if (doc) return { doc, replay: false };
  const current = await loadOpinion(models, code);
  if (current.timeline.some((e) => e.origin === msgId)) return { doc: current, replay: true };
  checkVersion(current, { expectedVersion });
  return explain(current);
}

/** The standard "wrong state" refusal: what it is now, the last step, and what can be done. */
export function wrongState(current: Opinion, verb: OpinionVerb, viewer: Actor, tz: string, now: Date): never {
  const last = current.timeline[current.timeline.length - 1];
  const lastText = last
    ? t('lastStep', {
        when: formatShortDateTime(last.at, tz, now),
        name: last.byName,
        action: t('actionLabel', { action: last.action }),
      })
    : '';
  throw new UserError('opinionWrongState', {
    code: current.code,
    status: current.status,
    action: t('opinionVerb', { verb }),
    last: lastText,
    next: nextStep(current, viewer.isOffice, tz),
  });
}

function nextStep(o: Opinion, office: boolean, tz: string): string {
  switch (o.status) {
    case '待交办':
      return t('opinionNextFiled', { code: o.code, office });
    case '已交办':
      return t('opinionNextAssigned', {
        code: o.code,
        unit: o.unit ?? '',
        deadline: o.deadline ? formatDate(o.deadline, tz) : '',
        office,
      });
    case '已答复':
      return t('opinionNextAnswered', { code: o.code, office });
    default:
      return t('opinionNextDone', { code: o.code });
  }
}

/** Filer and co-signers: the people told about every step. */
export function followers(o: Opinion): string[] {
  return [o.filer, ...(o.cosigners ?? [])];
}

/**
 * Full text (unmasked) is for the filer and the office only: any deputy may co-sign any open case, so
 * co-signing must not open a constituent's phone and ID number (photos are kept the same way).
 */
export function hasFullAccess(o: Opinion, viewer: Actor): boolean {
  return viewer.isOffice || o.filer === viewer.userid;
}

/** The configured number of working days from now (official calendar; weekends only past its data, logged). */
export function defaultDeadline(
  d: Pick<OpinionDeps, 'config' | 'log' | 'calendar'>,
  now: Date,
  code: string,
): { date: Date; usedFallback: boolean } {
  const r = addWorkdays(now, d.config.assignDeadlineWorkdays, d.config.timezone, d.calendar());
  if (r.usedFallback) logCalendarFallback(d.log, code, r.date, d.config.timezone);
  return r;
}

/**
 * 2027年1月5日（周二）, plus 按周末估算 while the deadline's working days were counted on weekends only
 * and its year is still missing from the calendar (the mark goes once the office enters the year).
 */
export function formatDeadline(
  o: { deadline?: Date | null; deadlineEstimated?: boolean | null },
  tz: string,
  calendar: HolidayCalendar,
): string {
  if (!o.deadline) return '';
  const estimated = o.deadlineEstimated === true && !calendar.covers(wallTime(o.deadline, tz).year);
  return `${formatDate(o.deadline, tz)}${estimated ? t('deadlineEstimated') : ''}`;
}

/** A working-day deadline counted past the official holiday data: weekends only, which the office should know. */
export function logCalendarFallback(log: Logger, code: string, deadline: Date, tz: string): void {
  log.warn(
    { code, year: wallTime(deadline, tz).year },
    'official holiday calendar does not cover the deadline year; counted weekends only',
  );
}
