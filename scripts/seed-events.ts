import { Types } from 'mongoose';
import { formatCode } from '../src/services/codes';
import { dayKey, fromWallTime, startOfDay, wallTime } from '../src/time/zone';
import { DAY, type Person } from './seed-opinions';
import type { Rng } from './seed-random';
import { PLACES, REASONS, STATIONS } from './seed-words';

/** How many of each a year holds. */
type PerYear = { activitiesPerYear: number; meetingsPerYear: number; studyPerYear: number; shiftsPerYear: number };

/** One year's events as they are written: when things happen in it, and who can take part. */
interface Year {
  rng: Rng;
  o: PerYear;
  year: number;
  codeStart: { HD: number; HY: number; XX: number };
  ids: string[];
  now: Date;
  tz: string;
  /** The i-th of n dates spread over the year, at `hour` o'clock. */
  at(i: number, n: number, hour: number): Date;
}

const stamps = (users: string[], when: Date) => users.map((userid) => ({ userid, at: when }));

/** Activities, meetings, shifts and study items of one year, with attendance up to now. */
export function eventDocs(
  rng: Rng,
  o: PerYear,
  year: number,
  codeStart: { HD: number; HY: number; XX: number },
  people: Person[],
  now: Date,
  tz: string,
) {
  const yearStart = fromWallTime({ year, month: 1, day: 1 }, tz).getTime();
  const span = fromWallTime({ year: year + 1, month: 1, day: 1 }, tz).getTime() - yearStart;
  const y: Year = {
    rng,
    o,
    year,
    codeStart,
    ids: people.map((x) => x.userid),
    now,
    tz,
    at: (i, n, hour) => {
      const day = wallTime(new Date(yearStart + ((i + rng.next() * 0.8) / n) * span), tz);
      return fromWallTime({ year: day.year, month: day.month, day: day.day, hour }, tz);
    },
  };
  const activities = activityDocs(y);
  const meetings = meetingDocs(y);
  const shifts = shiftDocs(y);
  const study = studyDocs(y);
  return { activities, meetings, shifts, study };
}

/** What activities and meetings share. */
function eventBase(y: Year, code: string, startAt: Date) {
  return {
    _id: new Types.ObjectId(),
    code,
    year: y.year,
    startAt,
    reminders: [],
    nextReminderAt: null,
    reminderRev: 0,
    version: 1,
    createdBy: 'seed-d-1',
    origin: `seed-${code}`,
    createdAt: y.now,
    updatedAt: y.now,
  };
}

function activityDocs(y: Year) {
  const { rng, o, year, codeStart, ids, now } = y;
  const activities = [];
  for (let i = 0; i < o.activitiesPerYear; i++) {
    const startAt = y.at(i, o.activitiesPerYear, 9);
    const code = formatCode({ prefix: 'HD', year, seq: codeStart.HD + i });
    const capacity = rng.chance(0.5) ? 10 + rng.int(20) : null;
    const wanted = rng.sample(ids, 8 + rng.int(25));
    const confirmed = capacity === null ? wanted : wanted.slice(0, capacity);
    const waitlist = capacity === null ? [] : wanted.slice(capacity);
    const over = startAt < now;
    const checkins = over ? confirmed.filter(() => rng.chance(0.85)) : [];
    const leaves = over ? confirmed.filter((u) => !checkins.includes(u) && rng.chance(0.3)) : [];
    const signedAt = new Date(startAt.getTime() - 5 * DAY);
    activities.push({
      ...eventBase(y, code, startAt),
      title: `${rng.pick(['视察', '调研', '走访'])}${rng.pick(PLACES)}`,
      type: rng.pick(['视察', '调研', '执法检查', '专业小组', '培训', '述职', '评议']),
      place: rng.pick(PLACES),
      deadline: startAt,
      deadlineIsDefault: true,
      capacity,
      status: rng.chance(0.04) ? 'cancelled' : 'active',
      confirmed: stamps(confirmed, signedAt),
      confirmedIds: confirmed,
      confirmedCount: confirmed.length,
      waitlist: stamps(waitlist, signedAt),
      waitlistIds: waitlist,
      leaves: leaves.map((userid) => ({ userid, reason: rng.pick(REASONS), at: signedAt })),
      promotedPending: [],
      checkins: stamps(checkins, startAt),
      checkinIds: checkins,
    });
  }
  return activities;
}

function meetingDocs(y: Year) {
  const { rng, o, year, codeStart, ids, now } = y;
  const meetings = [];
  for (let i = 0; i < o.meetingsPerYear; i++) {
    const startAt = y.at(i, o.meetingsPerYear, 14);
    const code = formatCode({ prefix: 'HY', year, seq: codeStart.HY + i });
    const replied = ids.filter(() => rng.chance(0.9));
    const replies = replied.map((userid) =>
      rng.chance(0.1)
        ? { userid, answer: '请假', reason: rng.pick(REASONS), at: new Date(startAt.getTime() - 2 * DAY) }
        : { userid, answer: '参加', at: new Date(startAt.getTime() - 2 * DAY) },
    );
    const checkins =
      startAt < now ? replies.filter((r) => r.answer === '参加' && rng.chance(0.95)).map((r) => r.userid) : [];
    meetings.push({
      ...eventBase(y, code, startAt),
      title: rng.chance(0.3) ? `镇第十八届人民代表大会第${i + 1}次会议` : `第${i + 1}次主席团会议`,
      type: rng.chance(0.3) ? '人代会' : '主席团会议',
      place: '镇政府三楼会议室',
      status: 'active',
      expectedIds: ids,
      replies,
      checkins: stamps(checkins, startAt),
      checkinIds: checkins,
    });
  }
  return meetings;
}

function shiftDocs(y: Year) {
  const { rng, o, year, ids, now, tz } = y;
  const shifts = [];
  for (let i = 0; i < o.shiftsPerYear; i++) {
    const day = startOfDay(y.at(i, o.shiftsPerYear, 0), tz);
    const station = STATIONS[i % STATIONS.length]!;
    const members = rng.sample(ids, 2 + rng.int(3));
    const checkins = day < now ? members.filter(() => rng.chance(0.8)) : [];
    shifts.push({
      _id: new Types.ObjectId(),
      day,
      year,
      slot: dayKey(day, tz),
      station,
      members: stamps(members, day),
      memberIds: members,
      checkins: stamps(checkins, day),
      checkinIds: checkins,
      reminders: [],
      nextReminderAt: null,
      reminderRev: 0,
      createdBy: 'seed-d-1',
      origin: `seed-shift-${station}-${dayKey(day, tz)}`,
      createdAt: now,
      updatedAt: now,
    });
  }
  return shifts;
}

function studyDocs(y: Year) {
  const { rng, o, year, codeStart, ids, now } = y;
  const study = [];
  for (let i = 0; i < o.studyPerYear; i++) {
    const createdAt = y.at(i, o.studyPerYear, 10);
    const code = formatCode({ prefix: 'XX', year, seq: codeStart.XX + i });
    const pushed = createdAt < now;
    const learned = pushed
      ? ids
          .filter(() => rng.chance(0.6))
          .map((userid) => ({ userid, at: new Date(Math.min(now.getTime(), createdAt.getTime() + rng.int(10) * DAY)) }))
      : [];
    study.push({
      _id: new Types.ObjectId(),
      code,
      year,
      seq: codeStart.XX + i,
      title: rng.pick(['宪法学习', '代表法解读', '地方组织法要点', '代表履职培训视频']),
      authorId: 'seed-d-1',
      origin: `seed-${code}`,
      createdAt,
      ...(pushed ? { pushedAt: createdAt, pushSlot: `seed:${code}` } : {}),
      learned,
    });
  }
  return study;
}
