import {
  addDaysYmd,
  dayKey,
  dayjs,
  endOfDay,
  fromWallTime,
  inZone,
  isValidYmd,
  isoWeekKey,
  startOfDay,
  startOfWeek,
  wallTime,
  yearOf,
  zoneOffsetMinutes,
} from '../../src/time/zone';

const SH = 'Asia/Shanghai';
const NY = 'America/New_York';
const iso = (d: Date): string => d.toISOString();

describe('zone', () => {
  it('exports dayjs with the timezone plugins registered', () => {
    expect(dayjs.utc('2026-11-22T16:00:00Z').tz(SH).format('YYYY-MM-DD HH:mm')).toBe('2026-11-23 00:00');
    expect(dayjs('2026-12-01 09:00', 'YYYY-MM-DD HH:mm', true).isValid()).toBe(true);
    expect(dayjs.utc('2026-11-23T00:00:00Z').isoWeek()).toBe(48);
  });

  it('inZone reads the wall clock in the given zone', () => {
    expect(inZone(new Date('2026-11-22T16:30:00Z'), SH).format('YYYY-MM-DD HH:mm')).toBe('2026-11-23 00:30');
    expect(inZone(new Date('2026-11-22T16:30:00Z'), NY).format('YYYY-MM-DD HH:mm')).toBe('2026-11-22 11:30');
  });

  it('wallTime gives ISO weekdays', () => {
    expect(wallTime(new Date('2026-11-22T15:59:59Z'), SH)).toEqual({
      year: 2026,
      month: 11,
      day: 22,
      hour: 23,
      minute: 59,
      second: 59,
      millisecond: 0,
      weekday: 7,
    });
    expect(wallTime(new Date('2026-11-22T16:00:00Z'), SH).weekday).toBe(1);
  });

  it('startOfDay / endOfDay are Shanghai midnight as UTC instants', () => {
    const d = new Date('2026-11-23T01:00:00Z'); // 09:00 in Shanghai
    expect(iso(startOfDay(d, SH))).toBe('2026-11-22T16:00:00.000Z');
    expect(iso(endOfDay(d, SH))).toBe('2026-11-23T15:59:59.999Z');
    // 23:30 UTC on the 22nd is already the 23rd in Shanghai.
    expect(iso(startOfDay(new Date('2026-11-22T23:30:00Z'), SH))).toBe('2026-11-22T16:00:00.000Z');
  });

  it('handles DST days in zones that have them', () => {
    const springForward = new Date('2026-03-08T17:00:00Z');
    expect(iso(startOfDay(springForward, NY))).toBe('2026-03-08T05:00:00.000Z');
    expect(iso(endOfDay(springForward, NY))).toBe('2026-03-09T03:59:59.999Z');
    expect(iso(fromWallTime({ year: 2026, month: 7, day: 1, hour: 9 }, NY))).toBe('2026-07-01T13:00:00.000Z');
  });

  it('startOfWeek is Monday 00:00 (a Sunday belongs to the week before)', () => {
    expect(iso(startOfWeek(new Date('2026-11-22T10:00:00+08:00'), SH))).toBe('2026-11-15T16:00:00.000Z');
    expect(iso(startOfWeek(new Date('2026-11-23T00:00:00+08:00'), SH))).toBe('2026-11-22T16:00:00.000Z');
    expect(iso(startOfWeek(new Date('2026-11-25T23:59:00+08:00'), SH))).toBe('2026-11-22T16:00:00.000Z');
  });

  it('isoWeekKey follows ISO-8601 week years', () => {
    expect(isoWeekKey(new Date('2026-11-22T10:00:00+08:00'), SH)).toBe('2026-W47');
    expect(isoWeekKey(new Date('2026-11-23T00:00:00+08:00'), SH)).toBe('2026-W48');
    expect(isoWeekKey(new Date('2026-01-01T12:00:00+08:00'), SH)).toBe('2026-W01');
    expect(isoWeekKey(new Date('2025-12-29T12:00:00+08:00'), SH)).toBe('2026-W01');
    expect(isoWeekKey(new Date('2027-01-03T12:00:00+08:00'), SH)).toBe('2026-W53');
    expect(isoWeekKey(new Date('2024-03-04T12:00:00+08:00'), SH)).toBe('2024-W10');
  });

  it('dayKey and yearOf use the zone, not UTC', () => {
    const newYear = new Date('2026-12-31T16:30:00Z'); // 00:30 on 1 January in Shanghai
    expect(dayKey(newYear, SH)).toBe('2027-01-01');
    expect(yearOf(newYear, SH)).toBe(2027);
    expect(dayKey(newYear, 'UTC')).toBe('2026-12-31');
    expect(yearOf(newYear, 'UTC')).toBe(2026);
  });

  it('validates and shifts plain calendar days', () => {
    expect(isValidYmd(2028, 2, 29)).toBe(true);
    expect(isValidYmd(2026, 2, 29)).toBe(false);
    expect(isValidYmd(2026, 11, 31)).toBe(false);
    expect(isValidYmd(2026, 13, 1)).toBe(false);
    expect(addDaysYmd({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
  });
});

describe('zoneOffsetMinutes', () => {
  // The reference: Intl's own reading of the instant, without any remembering.
  const direct = (t: number, tz: string): number => {
    const f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    const p = Object.fromEntries(f.formatToParts(new Date(t)).map((x) => [x.type, Number(x.value)]));
    return Math.round(
      (Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - Math.floor(t / 1000) * 1000) / 60_000,
    );
  };

  it('stays exact around changes of offset, read twice (the second time from memory)', () => {
    const windows: Array<[string, string]> = [
      [NY, '2026-03-08T06:00:00Z'], // 02:00 EST → 03:00 EDT
      [NY, '2026-11-01T05:00:00Z'], // 02:00 EDT → 01:00 EST
      ['Australia/Lord_Howe', '2026-04-04T15:00:00Z'], // a half-hour change
      ['America/St_Johns', '2026-03-08T05:30:00Z'], // a change in the middle of a UTC hour
      [SH, '2026-11-02T01:00:00Z'],
    ];
    for (const [tz, around] of windows) {
      const centre = Date.parse(around);
      for (let t = centre - 2 * 3_600_000; t <= centre + 2 * 3_600_000; t += 7 * 60_000 + 1_001) {
        for (const round of [1, 2])
          expect([tz, t, round, zoneOffsetMinutes(new Date(t), tz)]).toEqual([tz, t, round, direct(t, tz)]);
      }
    }
  });
});
