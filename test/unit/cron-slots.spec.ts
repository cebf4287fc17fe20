import { CronError, nextFire, nextFires, parseCron, previousFire, slotKey } from '../../src/time/cron';

const SH = 'Asia/Shanghai';
const iso = (d: Date | undefined) => d?.toISOString();

describe('parseCron', () => {
  it('reads lists, ranges, steps and names', () => {
    // The fire times say what was read (the parser itself is croner's).
    const from = new Date('2026-11-22T16:00:00Z'); // Monday 2026-11-23 00:00 Beijing
    const times = (expr: string, n: number) =>
      nextFires(parseCron(expr), from, SH, n).map((d) => slotKey('j', d, SH).slice(2));
    expect(times('0,30 9-11 * * mon-fri', 7)).toEqual([
      '2026-11-23T09:00',
      '2026-11-23T09:30',
      '2026-11-23T10:00',
      '2026-11-23T10:30',
      '2026-11-23T11:00',
      '2026-11-23T11:30',
      '2026-11-24T09:00',
    ]);
    expect(times('*/15 * * * *', 4)).toEqual([
      '2026-11-23T00:15',
      '2026-11-23T00:30',
      '2026-11-23T00:45',
      '2026-11-23T01:00',
    ]);
    expect(times('5/20 * * * *', 3)).toEqual(['2026-11-23T00:05', '2026-11-23T00:25', '2026-11-23T00:45']);
    // 0 and 7 are both Sunday.
    expect(times('0 0 * * 0', 1)).toEqual(['2026-11-29T00:00']);
    expect(times('0 0 * * 7', 1)).toEqual(['2026-11-29T00:00']);
  });

  it('refuses bad expressions, naming the field', () => {
    expect(() => parseCron('0 9 * *')).toThrow(CronError);
    expect(() => parseCron('60 9 * * *')).toThrow(/minute "60"/);
    expect(() => parseCron('0 24 * * *')).toThrow(/hour/);
    expect(() => parseCron('0 9 * * 1-x')).toThrow(/day of week/);
    expect(() => parseCron('0 9 5-1 * *')).toThrow(/backwards/);
    expect(() => parseCron('*/0 * * * *')).toThrow(/zero step/);
  });
});

describe('fire times in Asia/Shanghai, as UTC instants', () => {
  const digest = parseCron('0 9 * * 1');

  it('the previous Monday 09:00 is the slot until the next one arrives', () => {
    // Monday 2026-11-23 08:59:59 Beijing = 00:59:59Z: the slot is still the previous Monday.
    expect(iso(previousFire(digest, new Date('2026-11-23T00:59:59Z'), SH))).toBe('2026-11-16T01:00:00.000Z');
    expect(iso(previousFire(digest, new Date('2026-11-23T01:00:00Z'), SH))).toBe('2026-11-23T01:00:00.000Z');
    expect(iso(previousFire(digest, new Date('2026-11-23T04:00:00Z'), SH))).toBe('2026-11-23T01:00:00.000Z');
  });

  it('is not fooled by the UTC date being a day behind', () => {
    // 2026-11-23 07:30 Beijing is still Sunday 23:30 UTC: the Monday cron must not fire yet... but at
    // 09:00 Beijing (01:00Z Monday) it does; and 00:30 Beijing Monday is Sunday UTC and not a slot.
    const daily = parseCron('30 0 * * 1');
    expect(iso(previousFire(daily, new Date('2026-11-22T16:30:00Z'), SH))).toBe('2026-11-22T16:30:00.000Z');
    expect(slotKey('x', new Date('2026-11-22T16:30:00Z'), SH)).toBe('x:2026-11-23T00:30');
  });

  it('next fire is strictly after the given instant', () => {
    expect(iso(nextFire(digest, new Date('2026-11-23T01:00:00Z'), SH))).toBe('2026-11-30T01:00:00.000Z');
    expect(iso(nextFire(digest, new Date('2026-11-23T00:59:00Z'), SH))).toBe('2026-11-23T01:00:00.000Z');
    expect(nextFires(parseCron('0 10 * * 3'), new Date('2026-11-22T02:00:00Z'), SH, 3).map(iso)).toEqual([
      '2026-11-25T02:00:00.000Z',
      '2026-12-02T02:00:00.000Z',
      '2026-12-09T02:00:00.000Z',
    ]);
  });

  it('every minute: the current minute is the slot', () => {
    const everyMinute = parseCron('* * * * *');
    expect(iso(previousFire(everyMinute, new Date('2026-11-22T02:00:59.999Z'), SH))).toBe('2026-11-22T02:00:00.000Z');
    expect(slotKey('reminders', new Date('2026-11-22T02:00:00Z'), SH)).toBe('reminders:2026-11-22T10:00');
  });

  it('weekdays 1-5 and the Vixie either-day rule', () => {
    const workdays = parseCron('30 9 * * 1-5');
    // Saturday 2026-11-28 12:00 Beijing → Friday 09:30.
    expect(iso(previousFire(workdays, new Date('2026-11-28T04:00:00Z'), SH))).toBe('2026-11-27T01:30:00.000Z');
    // Both day fields restricted: the 1st of the month OR a Monday.
    const either = parseCron('0 8 1 * 1');
    expect(iso(nextFire(either, new Date('2026-11-24T00:00:00Z'), SH))).toBe('2026-11-30T00:00:00.000Z');
    expect(iso(nextFire(either, new Date('2026-11-30T00:00:00Z'), SH))).toBe('2026-12-01T00:00:00.000Z');
  });

  it('a schedule that never fires yields nothing instead of looping', () => {
    expect(previousFire(parseCron('0 0 31 2 *'), new Date('2026-11-22T00:00:00Z'), SH)).toBeUndefined();
    expect(nextFire(parseCron('0 0 31 2 *'), new Date('2026-11-22T00:00:00Z'), SH)).toBeUndefined();
  });

  it('works in a zone with daylight saving time too', () => {
    const ny = 'America/New_York';
    // 2026-11-01 is the fall-back day; 09:00 EST that Monday-after is 14:00Z.
    expect(iso(nextFire(parseCron('0 9 * * 1'), new Date('2026-10-31T12:00:00Z'), ny))).toBe(
      '2026-11-02T14:00:00.000Z',
    );
    expect(iso(previousFire(parseCron('0 9 * * 1'), new Date('2026-11-01T12:00:00Z'), ny))).toBe(
      '2026-10-26T13:00:00.000Z',
    );
  });
});
