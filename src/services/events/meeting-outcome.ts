import type { MeetingDoc } from '../../models/meeting';
import { type CheckinTunables, effectiveEnd } from './event-time';

export type MeetingResult = 'attended' | 'excused' | 'absent' | 'upcoming';

type MeetingFacts = Pick<MeetingDoc, 'startAt' | 'endAt' | 'replies' | 'checkinIds' | 'expectedIds'>;

/** Everyone the meeting counts: those notified, plus anyone who answered or checked in later. */
export function expectedOf(m: MeetingFacts): string[] {
  return [...new Set([...m.expectedIds, ...m.replies.map((r) => r.userid), ...m.checkinIds])];
}

/** Whether the meeting is over (its end, or start + the default length). */
export function isMeetingOver(m: Pick<MeetingDoc, 'startAt' | 'endAt'>, now: Date, t: CheckinTunables): boolean {
  return effectiveEnd(m.startAt, m.endAt, t).getTime() <= now.getTime();
}

/** One expected deputy's result: checked in = attended; after the end, 请假 = excused, else absent. */
export function meetingResultFor(m: MeetingFacts, userid: string, now: Date, t: CheckinTunables): MeetingResult {
  if (m.checkinIds.includes(userid)) return 'attended';
  if (!isMeetingOver(m, now, t)) return 'upcoming';
  return m.replies.find((r) => r.userid === userid)?.answer === '请假' ? 'excused' : 'absent';
}

/** The result for every expected deputy (the performance record's input). */
export function meetingResults(m: MeetingFacts, now: Date, t: CheckinTunables): Map<string, MeetingResult> {
  return new Map(expectedOf(m).map((u) => [u, meetingResultFor(m, u, now, t)]));
}
