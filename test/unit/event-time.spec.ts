import { parseEventTime } from '../../handlers/shared/event-words';
import { checkinWindow, nextPendingAt, planReminders } from '../../src/services/events';
import { promoteWaitlist } from '../../src/services/events/activity-lists';
import { meetingResultFor } from '../../src/services/events';
import { UserError } from '../../src/errors';

const tz = 'Asia/Shanghai';
const now = new Date('2026-11-22T10:00:00+08:00');
const d = (iso: string) => new Date(iso);
const tun = { beforeStartMinutes: 60, defaultDurationMinutes: 180 };

describe('parseEventTime', () => {
  it('reads a start and an optional same-day end', () => {
    expect(parseEventTime('11月25日14:30', now, tz)).toEqual({ startAt: d('2026-11-25T14:30:00+08:00') });
    expect(parseEventTime('11月25日14:30至下午5点', now, tz)).toEqual({
      startAt: d('2026-11-25T14:30:00+08:00'),
      endAt: d('2026-11-25T17:00:00+08:00'),
    });
  });

  it.each([
    [undefined, 'eventTimeMissing'],
    ['11月31日9:00', 'eventTimeInvalid'],
    ['今天上午8点', 'eventTimePast'],
    ['12月5日', 'eventTimeNoClock'],
    ['11月25日14:30-13:00', 'eventEndBeforeStart'],
    ['11月25日14:30 左右', 'eventTimeUnrecognized'],
  ])('refuses %s with %s', (text, key) => {
    expect(() => parseEventTime(text, now, tz)).toThrow(UserError);
    try {
      parseEventTime(text, now, tz);
    } catch (err) {
      expect((err as UserError).key).toBe(key);
    }
  });
});

describe('reminders and windows', () => {
  it('plans 24 h and 2 h before, skipping those already due', () => {
    const start = d('2026-11-23T09:00:00+08:00');
    const r = planReminders(start, [120, 1440], d('2026-11-22T10:00:00+08:00'));
    expect(r.map((x) => [x.minutesBefore, x.status])).toEqual([
      [1440, 'skipped'],
      [120, 'pending'],
    ]);
    expect(nextPendingAt(r)).toEqual(d('2026-11-23T07:00:00+08:00'));
    expect(nextPendingAt(r.map((x) => ({ ...x, status: 'sent' as const })))).toBeNull();
  });

  it('opens check-in an hour before and closes at the end or after the default length', () => {
    const start = d('2026-11-25T14:30:00+08:00');
    expect(checkinWindow(start, null, tun)).toEqual({
      opens: d('2026-11-25T13:30:00+08:00'),
      closes: d('2026-11-25T17:30:00+08:00'),
    });
    expect(checkinWindow(start, d('2026-11-25T16:00:00+08:00'), tun).closes).toEqual(d('2026-11-25T16:00:00+08:00'));
  });
});

describe('promoteWaitlist', () => {
  const s = (userid: string) => ({ userid, at: now });
  it('fills free places first come first served and never beyond capacity', () => {
    const r = promoteWaitlist([s('a')], [s('w1'), s('w2'), s('w3')], 3, now);
    expect(r.promoted).toEqual(['w1', 'w2']);
    expect(r.waitlist.map((x) => x.userid)).toEqual(['w3']);
    expect(promoteWaitlist([s('a')], [s('w1')], 1, now).promoted).toEqual([]);
    expect(promoteWaitlist([], [s('w1'), s('w2')], null, now).promoted).toEqual(['w1', 'w2']);
  });
});

describe('meetingResultFor', () => {
  const m = {
    startAt: d('2026-11-25T14:30:00+08:00'),
    endAt: null,
    expectedIds: ['a', 'b', 'c'],
    checkinIds: ['a'],
    replies: [{ userid: 'b', answer: '请假' as const, reason: 'x', at: now }],
  };
  it('is attended / excused / absent after the end, upcoming before', () => {
    const after = d('2026-11-25T18:00:00+08:00');
    expect(['a', 'b', 'c'].map((u) => meetingResultFor(m, u, after, tun))).toEqual(['attended', 'excused', 'absent']);
    expect(meetingResultFor(m, 'c', now, tun)).toBe('upcoming');
  });
});
