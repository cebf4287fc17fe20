import type { Actor } from '../roster';
import { refuse } from '../../refusals';
import { yearOf } from '../../time/zone';
import type { ActivityDoc } from '../../models/activity';
import type { MeetingDoc } from '../../models/meeting';
import type { EventDeps } from './deps';
import { eventKindOf } from './event-codes';
import { effectiveEnd, type EventTimeInput } from './event-time';
import { isMeetingOver } from './meeting-outcome';
import type { Activities } from './activities';
import type { Meetings } from './meetings';
import type { RoomCodes } from './room-code';

const kindName = (prefix: 'HD' | 'HY') => (prefix === 'HD' ? 'activity' : 'meeting');

// The console's form for an activity or a meeting: 发布活动 / 会议通知 to create, 修改活动 / 修改会议 to edit,
// through the same create and change steps (and so the same rules and notices), plus the room-code switch.

/** An edit's fields; one left undefined stays as it is. */
export interface EventFormFields {
  at: { startAt: Date; endAt?: Date | null };
  place: string;
  /** Activities only: null for no limit. */
  capacity?: number | null;
  /** Activities only: null for "until the start". */
  deadline?: Date | null;
  roomCode?: boolean;
}

export interface NewEventForm {
  kind: 'activity' | 'meeting';
  title: string;
  type?: string;
  /** Activities only: the 民生实事 project inspected. */
  project?: string;
  at: EventTimeInput;
  place: string;
  capacity?: number | null;
  deadline?: Date | null;
  roomCode: boolean;
}

const sameTime = (a: Date | null | undefined, b: Date | null | undefined) =>
  (a?.getTime() ?? null) === (b?.getTime() ?? null);

/** The places and sign-up deadline the form changes on an activity: undefined where it keeps the record's. */
function activityFormChanges(a: ActivityDoc, f: EventFormFields) {
  const capacity = f.capacity === undefined || f.capacity === a.capacity ? undefined : f.capacity;
  const deadline =
    f.deadline === undefined
      ? undefined
      : f.deadline === null
        ? a.deadlineIsDefault
          ? undefined
          : null
        : !a.deadlineIsDefault && sameTime(a.deadline, f.deadline)
          ? undefined
          : f.deadline;
  return { capacity, deadline };
}

export function createEventForms(
  d: EventDeps,
  s: { activities: Activities; meetings: Meetings; roomCodes: RoomCodes },
) {
  const tun = d.config.tunables;

  async function setRoomCode(code: string, on: boolean | undefined, wasOn: boolean, actor: Actor, now: Date) {
    if (on === undefined || on === wasOn) return;
    if (on) await s.roomCodes.switchOn(code, actor, now);
    else await s.roomCodes.switchOff(code, now);
  }

  /** 发布活动 / 会议通知 from the form; `origin` makes a retried submission return the first record. */
  async function create(f: NewEventForm, actor: Actor, origin: string, now: Date) {
    const common = { title: f.title, type: f.type, place: f.place, actor, origin, now };
    const r =
      f.kind === 'activity'
        ? await s.activities
            .create({
              ...common,
              project: f.project,
              form: { at: f.at, capacity: f.capacity ?? null, deadline: f.deadline ?? null },
            })
            .then((x) => ({ code: x.activity.code, existed: x.existed, roomOn: Boolean(x.activity.roomCode) }))
        : await s.meetings
            .create({ ...common, at: f.at })
            .then((x) => ({ code: x.meeting.code, existed: x.existed, roomOn: Boolean(x.meeting.roomCode) }));
    if (!r.existed) await setRoomCode(r.code, f.roomCode, r.roomOn, actor, now);
    return { code: r.code, existed: r.existed };
  }

  function assertEditable(doc: ActivityDoc | MeetingDoc, kind: 'HD' | 'HY', now: Date) {
    if (doc.status === 'cancelled')
      refuse('event.cancelled', { kind: kindName(kind), code: doc.code, reason: doc.cancelReason ?? '' });
    const over =
      kind === 'HD'
        ? effectiveEnd(doc.startAt, doc.endAt, tun.checkin) <= now
        : isMeetingOver(doc as MeetingDoc, now, tun.checkin);
    if (over) refuse('event.over', { kind: kindName(kind), code: doc.code });
  }

  /**
   * 修改活动 / 修改会议 from the form: only what differs from the record is changed (and named in the
   * notice); `version` is the one the page showed, so a change made meanwhile is a conflict.
   */
  async function edit(p: {
    code: string;
    fields: EventFormFields;
    version: number;
    actor: Actor;
    origin: string;
    now: Date;
  }): Promise<{ code: string; changed: string[] }> {
    const { fields: f, now } = p;
    const kind = eventKindOf(p.code);
    if (kind !== 'HD' && kind !== 'HY') return refuse('event.notFound', { kind: 'activity', code: p.code });
    const doc = kind === 'HD' ? await s.activities.byCode(p.code, now) : await s.meetings.byCode(p.code, now);
    assertEditable(doc, kind, now);
    if (doc.version !== p.version) refuse('event.changedMeanwhile', { code: doc.code });
    const endAt = f.at.endAt === undefined ? (doc.endAt ?? null) : f.at.endAt;
    const at = sameTime(doc.startAt, f.at.startAt) && sameTime(doc.endAt, endAt) ? undefined : { ...f.at, endAt };
    const place = f.place.trim() === doc.place ? undefined : f.place;
    let changed: string[] = [];
    const base = { code: doc.code, expectedVersion: p.version, origin: p.origin, now };
    if (kind === 'HD') {
      const { capacity, deadline } = activityFormChanges(doc as ActivityDoc, f);
      if (at || place || capacity !== undefined || deadline !== undefined)
        changed = (await s.activities.change({ ...base, place, form: { at, capacity, deadline }, actor: p.actor }))
          .changed;
    } else if (at || place) {
      changed = (await s.meetings.change({ ...base, place, at })).changed;
    }
    await setRoomCode(doc.code, f.roomCode, Boolean(doc.roomCode), p.actor, now);
    return { code: doc.code, changed };
  }

  /**
   * What the form offers: the configured types, who a meeting notice goes to (every active deputy), and the
   * year's 民生实事 projects an activity may inspect.
   */
  async function options(now: Date) {
    const projects = await d.models.Project.find({ year: yearOf(now, d.config.timezone) }, { code: 1, title: 1 })
      .sort({ seq: 1 })
      .lean<Array<{ code: string; title: string }>>();
    return {
      activityTypes: [...tun.activityTypes],
      meetingTypes: [...tun.meetingTypes],
      meetingExpected: (await d.roster.activeDeputies()).length,
      projects: projects.map((p) => ({ code: p.code, title: p.title })),
    };
  }

  return { create, edit, options };
}

export type EventForms = ReturnType<typeof createEventForms>;
