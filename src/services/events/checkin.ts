import { isRefusal, refuse } from '../../refusals';
import type { ActivityDoc } from '../../models/activity';
import type { MeetingDoc } from '../../models/meeting';
import { toHalfWidth } from '../../text/normalize';
import { anyoneMayCheckIn } from './activity-capacity';
import { eventKindOf } from './event-codes';
import type { EventDeps } from './deps';
import { checkinWindow } from './event-time';
import type { Activities } from './activities';
import type { createActivitySignup } from './activity-signup';
import type { Meetings } from './meetings';
import { checkRoomCode } from './room-code';
import type { Shifts } from './shifts';
import { shiftLabel } from './shift-labels';

export type ActivityService = Activities & ReturnType<typeof createActivitySignup>;

export type CheckinOutcome =
  | { kind: 'activity'; code: string; title: string; at: Date }
  | { kind: 'meeting'; code: string; title: string; at: Date }
  | { kind: 'shift'; label: string; at: Date };

/** A bare number may name no activity (or no meeting): that is an answer, not an error. */
export function notFoundAsNull(err: unknown): null {
  if (isRefusal(err) && (err.code === 'event.notFound' || err.code === 'event.codeInvalid')) return null;
  throw err;
}

const SHIFT_WORDS = /^(值班|接访|联络站|ZB)$/i;

/**
 * 签到 with a code (HD…/HY…), `值班`, a bare number (the activity or meeting of that number whose
 * window is open), or nothing (the one event the sender can check in to right now).
 */
export function createCheckin(
  d: EventDeps,
  parts: { activities: ActivityService; meetings: Meetings; shifts: Shifts },
) {
  const { Activity, Meeting } = d.models;
  const tun = d.config.tunables;

  const isOpen = (x: { startAt: Date; endAt?: Date | null }, now: Date) => {
    const w = checkinWindow(x.startAt, x.endAt, tun.checkin);
    return now >= w.opens && now <= w.closes;
  };

  /** A live event with its room code on needs this minute's (or the last minute's) code from the screen. */
  const gate = (doc: ActivityDoc | MeetingDoc, roomCode: string | undefined, now: Date) => {
    if (doc.status === 'active') checkRoomCode(doc, roomCode, now);
  };

  async function viaActivity(code: string, userid: string, now: Date, roomCode?: string): Promise<CheckinOutcome> {
    gate(await parts.activities.byCode(code, now), roomCode, now);
    const r = await parts.activities.checkIn(code, userid, now);
    return { kind: 'activity', code: r.activity.code, title: r.activity.title, at: r.at };
  }
  async function viaMeeting(code: string, userid: string, now: Date, roomCode?: string): Promise<CheckinOutcome> {
    gate(await parts.meetings.byCode(code, now), roomCode, now);
    const r = await parts.meetings.checkIn(code, userid, now);
    return { kind: 'meeting', code: r.meeting.code, title: r.meeting.title, at: r.at };
  }
  async function viaShift(userid: string, now: Date): Promise<CheckinOutcome> {
    const r = await parts.shifts.checkIn(userid, now);
    return { kind: 'shift', label: shiftLabel(r.shift, d.config.timezone), at: r.at };
  }

  /** `arg` is `<编号> [签到码]`, `值班`, or nothing; a room code may also follow the event code as `roomCodeArg`. */
  async function checkIn(arg: string, userid: string, now: Date, roomCodeArg?: string): Promise<CheckinOutcome> {
    const words = toHalfWidth(arg).trim().split(/\s+/).filter(Boolean);
    const text = words[0] ?? '';
    const roomCode = (roomCodeArg ? toHalfWidth(roomCodeArg).trim() : words[1]) || undefined;
    if (SHIFT_WORDS.test(text)) return viaShift(userid, now);
    if (!text) return checkInWhateverIsOpen(userid, now);
    const kind = eventKindOf(text);
    if (kind === 'HD') return viaActivity(text, userid, now, roomCode);
    if (kind === 'HY') return viaMeeting(text, userid, now, roomCode);
    if (kind !== 'either') refuse('checkin.usage', {});
    const act = await parts.activities.byCode(text, now).catch(notFoundAsNull);
    const meet = await parts.meetings.byCode(text, now).catch(notFoundAsNull);
    const openAct = act && act.status === 'active' && isOpen(act, now);
    const openMeet = meet && meet.status === 'active' && isOpen(meet, now);
    if (openAct && openMeet) refuse('checkin.which', { activity: act.code, meeting: meet.code });
    if (openMeet || (meet && !act)) return viaMeeting(text, userid, now, roomCode);
    if (act) return viaActivity(text, userid, now, roomCode);
    // `签到 4827`: no event has that number, so it is the code on the room's screen.
    if (/^\d{4}$/.test(text) && !roomCode) return checkInWhateverIsOpen(userid, now, text);
    refuse('checkin.notFound', { text });
  }

  /** Bare 签到: exactly one open activity (I may join), meeting or shift → that one; else a list. */
  async function checkInWhateverIsOpen(userid: string, now: Date, roomCode?: string): Promise<CheckinOutcome> {
    const recent = {
      $gte: new Date(now.getTime() - 2 * 24 * 3600_000),
      $lte: new Date(now.getTime() + tun.checkin.beforeStartMinutes * 60_000),
    };
    const acts = ((await Activity.find({ status: 'active', startAt: recent }).lean()) as ActivityDoc[]).filter(
      (a) => isOpen(a, now) && (anyoneMayCheckIn(a, tun.openCheckinActivityTypes) || a.confirmedIds.includes(userid)),
    );
    const meets = ((await Meeting.find({ status: 'active', startAt: recent }).lean()) as MeetingDoc[]).filter((m) =>
      isOpen(m, now),
    );
    const codes = [...acts.map((a) => a.code), ...meets.map((m) => m.code)];
    if (codes.length > 1) refuse('checkin.whichOf', { codes });
    if (acts[0]) return viaActivity(acts[0].code, userid, now, roomCode);
    if (meets[0]) return viaMeeting(meets[0].code, userid, now, roomCode);
    if (roomCode) refuse('checkin.notFound', { text: roomCode });
    return viaShift(userid, now).catch((err: unknown) => {
      if (isRefusal(err) && err.code === 'shift.noneToday') refuse('checkin.nothingOpen', {});
      throw err;
    });
  }

  return { checkIn };
}
