import type { BoardRow } from './board-rows';
import type { ActivityDoc } from '../../models/activity';
import type { MeetingDoc } from '../../models/meeting';
import type { EventDeps } from './deps';
import { eventKindOf } from './event-codes';
import { expectedOf } from './meeting-outcome';
import { activityRowOf, meetingRowOf } from './board-rows';
import { viewRoomCode, type RoomCodeView } from './room-code';

// The office console's view of activities and meetings: listings and one event's people, read-only.

export type { BoardRow } from './board-rows';

export interface Person {
  userid: string;
  name: string;
  at?: Date;
  reason?: string;
}

/** What the console's edit form starts from: the stated end (not the default one) and the version it sends back. */
interface EditBasis {
  version: number;
  endAt: Date | null;
}

export interface ActivityBoard extends BoardRow, EditBasis {
  kind: 'activity';
  deadline: Date;
  deadlineIsDefault: boolean;
  signedUp: Person[];
  /** In promotion order: the first one moves up when a place frees. */
  waitlist: Person[];
  leaves: Person[];
  checkins: Person[];
  room: RoomCodeView;
}

export interface MeetingBoard extends BoardRow, EditBasis {
  kind: 'meeting';
  attending: Person[];
  excused: Person[];
  /** Expected deputies without a reply slip. */
  silent: Person[];
  checkins: Person[];
  room: RoomCodeView;
}

export type EventBoard = ActivityBoard | MeetingBoard;

const byTime = (a: { at?: Date }, b: { at?: Date }) => (a.at?.getTime() ?? 0) - (b.at?.getTime() ?? 0);

export function createEventBoard(d: EventDeps) {
  const { Activity, Meeting } = d.models;
  const tun = d.config.tunables;
  const activityRow = (a: ActivityDoc) => activityRowOf(a, tun.checkin);
  const meetingRow = (m: MeetingDoc) => meetingRowOf(m, tun.checkin);

  /**
   * Upcoming (not yet over, soonest first) or past (over, latest first) activities and meetings.
   * An event is over at its end (or start + the default length), as for check-in.
   */
  async function list(when: 'upcoming' | 'past', now: Date, limit: number): Promise<BoardRow[]> {
    // Nothing lasts longer than a day here: a day's margin finds every event still running.
    const edge = new Date(now.getTime() - 24 * 3600_000);
    const filter = when === 'upcoming' ? { startAt: { $gte: edge } } : { startAt: { $lt: now } };
    const sort = when === 'upcoming' ? 1 : -1;
    const [acts, meets] = await Promise.all([
      Activity.find(filter).sort({ startAt: sort }).limit(limit).lean() as Promise<ActivityDoc[]>,
      Meeting.find(filter).sort({ startAt: sort }).limit(limit).lean() as Promise<MeetingDoc[]>,
    ]);
    const rows = [...acts.map(activityRow), ...meets.map(meetingRow)].filter((r) =>
      when === 'upcoming' ? r.endsAt >= now : r.endsAt < now,
    );
    rows.sort((a, b) => sort * (a.startAt.getTime() - b.startAt.getTime()));
    return rows.slice(0, limit);
  }

  async function people(entries: Array<{ userid: string; at?: Date; reason?: string }>): Promise<Person[]> {
    const names = await d.roster.namesOf(entries.map((e) => e.userid));
    return entries.map((e) => ({
      userid: e.userid,
      name: names.get(e.userid) ?? e.userid,
      ...(e.at ? { at: e.at } : {}),
      ...(e.reason ? { reason: e.reason } : {}),
    }));
  }

  /** One event's people; undefined when no event has that code. */
  async function detail(code: string, now: Date): Promise<EventBoard | undefined> {
    const kind = eventKindOf(code);
    if (kind === 'HD') {
      const a = (await Activity.findOne({ code }).lean()) as ActivityDoc | null;
      if (!a) return undefined;
      return {
        ...(activityRow(a) as BoardRow & { kind: 'activity' }),
        version: a.version,
        endAt: a.endAt ?? null,
        deadline: a.deadline,
        deadlineIsDefault: a.deadlineIsDefault,
        signedUp: await people(a.confirmed),
        waitlist: await people(a.waitlist),
        leaves: await people(a.leaves),
        checkins: await people([...a.checkins].sort(byTime)),
        room: viewRoomCode(a, now),
      };
    }
    if (kind === 'HY') {
      const m = (await Meeting.findOne({ code }).lean()) as MeetingDoc | null;
      if (!m) return undefined;
      const replied = new Set(m.replies.map((r) => r.userid));
      return {
        ...(meetingRow(m) as BoardRow & { kind: 'meeting' }),
        version: m.version,
        endAt: m.endAt ?? null,
        attending: await people(m.replies.filter((r) => r.answer === '参加').sort(byTime)),
        excused: await people(m.replies.filter((r) => r.answer === '请假').sort(byTime)),
        silent: await people(
          expectedOf(m)
            .filter((u) => !replied.has(u))
            .map((userid) => ({ userid })),
        ),
        checkins: await people([...m.checkins].sort(byTime)),
        room: viewRoomCode(m, now),
      };
    }
    return undefined;
  }

  return { list, detail };
}

export type EventBoardService = ReturnType<typeof createEventBoard>;
