import type { MeetingDoc } from '../../models/meeting';
import { groupSafe } from '../../text/group-safe';
import type { EventDeps } from './deps';
import { expectedOf, isMeetingOver, meetingResults } from './meeting-outcome';

export interface MeetingTally {
  over: boolean;
  expected: number;
  /** Before the end: reply slips. */
  attending: string[];
  excused: Array<{ name: string; reason: string }>;
  silent: string[];
  /** Check-ins so far; after the end, with the absent. */
  attended: string[];
  absent: string[];
}

export function createMeetingTally(d: EventDeps) {
  const tun = d.config.tunables;

  /** Who is counted now: for a meeting still ahead, deputies deactivated since the notice drop out. */
  async function countedIds(m: MeetingDoc, now: Date): Promise<string[]> {
    const all = expectedOf(m);
    if (isMeetingOver(m, now, tun.checkin)) return all;
    const active = new Set((await d.roster.activeDeputies()).map((x) => x.userid));
    return all.filter((u) => active.has(u) || m.checkinIds.includes(u));
  }

  /** The office's view of one meeting (`会议 <编号>`): names of the excused and the silent; reasons masked (the group can read replies). */
  async function tally(m: MeetingDoc, now: Date): Promise<MeetingTally> {
    const ids = await countedIds(m, now);
    const names = await d.roster.namesOf(ids);
    const name = (u: string) => names.get(u) ?? u;
    const replyOf = new Map(m.replies.map((r) => [r.userid, r]));
    const byName = (a: string, b: string) => a.localeCompare(b, 'zh-CN');
    const over = isMeetingOver(m, now, tun.checkin);
    const results = meetingResults(m, now, tun.checkin);
    const pick = (f: (u: string) => boolean) => ids.filter(f).map(name).sort(byName);
    return {
      over,
      expected: ids.length,
      attending: pick((u) => replyOf.get(u)?.answer === '参加'),
      excused: ids
        .filter((u) => replyOf.get(u)?.answer === '请假' && !m.checkinIds.includes(u))
        .map((u) => ({ name: name(u), reason: groupSafe(replyOf.get(u)?.reason ?? '') }))
        .sort((a, b) => byName(a.name, b.name)),
      silent: pick((u) => !replyOf.has(u) && !m.checkinIds.includes(u)),
      attended: pick((u) => results.get(u) === 'attended'),
      absent: pick((u) => results.get(u) === 'absent'),
    };
  }

  /** Deputies still counted who have neither answered nor checked in (named in the meeting reminders). */
  async function silentIds(m: MeetingDoc, now: Date): Promise<string[]> {
    const answered = new Set([...m.replies.map((r) => r.userid), ...m.checkinIds]);
    return (await countedIds(m, now)).filter((u) => !answered.has(u));
  }

  return { tally, silentIds };
}
