import { formatDate, formatDateTime, formatMonthDay, formatShortDateTime, weekdayName } from '../../src/time/format';

const SH = 'Asia/Shanghai';
const now = new Date('2026-11-22T10:00:00+08:00');

describe('format', () => {
  it('formatDateTime shows date, weekday and 24-hour time in the zone', () => {
    expect(formatDateTime(new Date('2026-11-25T06:30:00Z'), SH)).toBe('2026年11月25日（周三）14:30');
    expect(formatDateTime(new Date('2027-01-04T17:05:00Z'), SH)).toBe('2027年1月5日（周二）01:05');
    expect(formatDateTime(new Date('2026-11-22T16:00:00Z'), SH)).toBe('2026年11月23日（周一）00:00');
  });

  it('formatDate names every weekday', () => {
    const days = [23, 24, 25, 26, 27, 28, 29].map((d) => formatDate(new Date(`2026-11-${d}T12:00:00+08:00`), SH));
    expect(days).toEqual([
      '2026年11月23日（周一）',
      '2026年11月24日（周二）',
      '2026年11月25日（周三）',
      '2026年11月26日（周四）',
      '2026年11月27日（周五）',
      '2026年11月28日（周六）',
      '2026年11月29日（周日）',
    ]);
  });

  it("formatShortDateTime adds the year only when it is not now's year", () => {
    expect(formatShortDateTime(new Date('2026-11-25T14:30:00+08:00'), SH, now)).toBe('11月25日 14:30');
    expect(formatShortDateTime(new Date('2027-01-05T09:00:00+08:00'), SH, now)).toBe('2027年1月5日 09:00');
    expect(formatShortDateTime(new Date('2027-01-05T09:00:00+08:00'), SH)).toBe('1月5日 09:00');
    // The year boundary is the zone's, not UTC's.
    expect(formatShortDateTime(new Date('2026-12-31T16:30:00Z'), SH, now)).toBe('2027年1月1日 00:30');
  });

  it('formatMonthDay', () => {
    expect(formatMonthDay(new Date('2026-11-25T14:30:00+08:00'), SH)).toBe('11月25日');
    expect(formatMonthDay(new Date('2026-11-30T16:00:00Z'), SH)).toBe('12月1日');
  });

  it('weekdayName', () => {
    expect(weekdayName(1)).toBe('周一');
    expect(weekdayName(7)).toBe('周日');
  });
});
