import type { Logger } from 'pino';
import type { UpdateQuery } from 'mongoose';
import type { Config } from '../../../config';
import type { Actor } from '../roster';
import { t } from '../../messages';
import type { Models } from '../../models';
import { recordWrite } from '../../models/audit-entry';
import type { OpinionDoc, OpinionStatus, TimelineAction, TimelineEntry, TimelineVia } from '../../models/opinion';
import { type OpinionStep, refuse } from '../../refusals';
import { formatDate } from '../../time/format';
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
  /** The deployment's official calendar (entered years, then the bundled data): this instance's copy. */
  calendar: () => HolidayCalendar;
  /** The calendar for a stored deadline of n working days from a moment (re-read when the copy lacks a year). */
  storedCalendar: (from: Date, workdays: number) => Promise<HolidayCalendar>;
}

export type Opinion = OpinionDoc;
// Re-exported so handlers can name them without reaching into models.
export type { Rating, TimelineEntry } from '../../models/opinion';

/** Who takes a step, when, through which door, and its idempotency key (the timeline entry's author and origin). */
export interface ActionInput {
  actor: Actor;
  msgId: string;
  now: Date;
  /** Where the step was taken (recorded in the timeline); the chat when absent. */
  via?: TimelineVia;
}

/** A step on one opinion, optionally pinned to the version the page showed. */
export interface OpinionRef {
  code: string;
  /** The opinion's version (history length) the console page was showing: a different one → refused as changed meanwhile. */
  expectedVersion?: number;
}

/** An opinion's version for optimistic concurrency: every change, from chat or console, appends to its history. */
export function versionOf(o: Pick<Opinion, 'timeline'>): number {
  return o.timeline.length;
}

/** Refuses a console action based on a stale page (a retry of an applied action is not stale: check replays first). */
export function checkVersion(current: Opinion, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && versionOf(current) !== expectedVersion)
    refuse('opinion.changedMeanwhile', { code: current.code });
}

/** A refused opinion step (the catalogue's name for it). */
export type OpinionVerb = OpinionStep;

export const OPEN_STATUSES: readonly OpinionStatus[] = ['待交办', '已交办', '已答复'];

export async function loadOpinion(models: Models, code: string): Promise<Opinion> {
  const doc = await models.Opinion.findOne({ code }).lean<Opinion>();
  return doc ?? refuse('opinion.notFound', { code });
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
 * explained by the caller. An update that took effect is the one the 操作日志 records.
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
  if (doc) {
    // The 操作日志 names the step this message appended (its last timeline entry carries the message id).
    const step = doc.timeline.filter((e) => e.origin === msgId).pop()?.action;
    await recordWrite({ kind: 'Opinion', code: doc.code, op: 'update', step });
    return { doc, replay: false };
  }
  const current = await loadOpinion(models, code);
  if (current.timeline.some((e) => e.origin === msgId)) return { doc: current, replay: true };
  checkVersion(current, expectedVersion);
  return explain(current);
}

/** The standard "wrong state" refusal: what it is now, the last step, and (while assigned) the unit and deadline. */
export function wrongState(current: Opinion, verb: OpinionVerb): never {
  const last = current.timeline[current.timeline.length - 1];
  return refuse('opinion.wrongState', {
    code: current.code,
    status: current.status,
    action: verb,
    ...(last ? { last: { at: last.at, byName: last.byName, action: last.action } } : {}),
    ...(current.unit ? { unit: current.unit } : {}),
    ...(current.deadline ? { deadline: current.deadline } : {}),
  });
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
export async function defaultDeadline(
  d: Pick<OpinionDeps, 'config' | 'log' | 'storedCalendar'>,
  now: Date,
  code: string,
): Promise<{ date: Date; usedFallback: boolean }> {
  return workdaysDeadline(d, d.config.assignDeadlineWorkdays, now, code);
}

/** n working days from now on the stored calendar (the result is stored on the opinion). */
export async function workdaysDeadline(
  d: Pick<OpinionDeps, 'config' | 'log' | 'storedCalendar'>,
  n: number,
  now: Date,
  code: string,
): Promise<{ date: Date; usedFallback: boolean }> {
  const r = addWorkdays(now, n, d.config.timezone, await d.storedCalendar(now, n));
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
