import { parseDeadline } from '../../src/time/parse-deadline';
import { addWorkdays, isCalendarCovered, isWorkday } from '../../src/time/workdays';

const tz = 'Asia/Shanghai';
const day = (local: string): Date => new Date(`${local}T12:00:00+08:00`);
const endOf = (local: string): string => new Date(`${local}T23:59:59.999+08:00`).toISOString();
const now = new Date('2026-11-22T10:00:00+08:00'); // a Sunday

describe('isCalendarCovered', () => {
  it('knows the years the bundled data covers', () => {
    expect(isCalendarCovered(2025)).toBe(true);
    expect(isCalendarCovered(2026)).toBe(true);
    expect(isCalendarCovered(2004)).toBe(true);
    expect(isCalendarCovered(2003)).toBe(false);
    expect(isCalendarCovered(2099)).toBe(false);
  });
});

describe('isWorkday (official calendar)', () => {
  // From chinese-days 1.5.7 data: National Day 2025 is 10-01..10-08 off, with 09-28 (Sun) and 10-11 (Sat) worked.
  it.each([
    ['2025-09-26', true], // Friday
    ['2025-09-27', false], // Saturday
    ['2025-09-28', true], // Sunday, make-up working day
    ['2025-10-01', false],
    ['2025-10-06', false], // Monday inside the holiday
    ['2025-10-08', false],
    ['2025-10-09', true],
    ['2025-10-11', true], // Saturday, make-up working day
    ['2025-10-12', false],
    ['2026-01-01', false],
    ['2026-01-02', false], // Friday, holiday
    ['2026-01-04', true], // Sunday, make-up working day
    ['2026-02-14', true], // Saturday, Spring Festival make-up day
    ['2026-02-16', false], // Monday, Spring Festival
    ['2026-11-23', true],
    ['2026-11-22', false],
  ])('%s → %s', (date, expected) => {
    expect(isWorkday(day(date), tz)).toBe(expected);
  });

  it('uses the day in the given zone, not in UTC', () => {
    // 2025-09-27T17:00Z is Sunday 09-28 01:00 in Shanghai (worked) but Saturday in UTC (off).
    const instant = new Date('2025-09-27T17:00:00Z');
    expect(isWorkday(instant, tz)).toBe(true);
    expect(isWorkday(instant, 'UTC')).toBe(false);
  });

  it('falls back to weekends-only for an uncovered year', () => {
    expect(isWorkday(day('2099-10-01'), tz)).toBe(true); // Thursday; no holiday data
    expect(isWorkday(day('2099-10-03'), tz)).toBe(false); // Saturday
    expect(isWorkday(day('2099-10-04'), tz)).toBe(false); // Sunday
  });
});

describe('addWorkdays', () => {
  it('counts working days after the start day and returns the end of the last one', () => {
    expect(addWorkdays(day('2026-11-23'), 1, tz)).toEqual({ date: new Date(endOf('2026-11-24')), usedFallback: false });
    expect(addWorkdays(day('2026-11-27'), 1, tz).date.toISOString()).toBe(endOf('2026-11-30'));
    expect(addWorkdays(day('2026-11-23'), 0, tz).date.toISOString()).toBe(endOf('2026-11-23'));
  });

  it('skips statutory holidays and counts make-up working days', () => {
    // Fri 09-26 → Sun 09-28 (make-up), Mon 09-29, Tue 09-30, then Thu 10-09.
    expect(addWorkdays(day('2025-09-26'), 1, tz).date.toISOString()).toBe(endOf('2025-09-28'));
    expect(addWorkdays(day('2025-09-26'), 3, tz).date.toISOString()).toBe(endOf('2025-09-30'));
    expect(addWorkdays(day('2025-09-26'), 4, tz).date.toISOString()).toBe(endOf('2025-10-09'));
    expect(addWorkdays(day('2025-09-26'), 6, tz).date.toISOString()).toBe(endOf('2025-10-11'));
  });

  it('15 working days from Sunday 2026-11-22', () => {
    expect(addWorkdays(now, 15, tz)).toEqual({ date: new Date(endOf('2026-12-11')), usedFallback: false });
  });

  it('flags days that fell in a year without holiday data', () => {
    // Dec 2026 is covered; 2027 is not (as of chinese-days 1.5.7).
    const r = addWorkdays(day('2026-12-30'), 3, tz);
    expect(r).toEqual({ date: new Date(endOf('2027-01-04')), usedFallback: true });
    expect(addWorkdays(day('2099-06-05'), 1, tz)).toEqual({ date: new Date(endOf('2099-06-08')), usedFallback: true });
  });

  it('rejects a negative or fractional count', () => {
    expect(() => addWorkdays(now, -1, tz)).toThrow(RangeError);
    expect(() => addWorkdays(now, 1.5, tz)).toThrow(RangeError);
  });
});

describe('parseDeadline', () => {
  const parse = (text: string) => parseDeadline(text, { now, tz });

  it.each([
    ['15个工作日', '2026-12-11'],
    ['15工作日', '2026-12-11'],
    ['十个工作日内', '2026-12-04'],
    ['30天', '2026-12-22'],
    ['30日内', '2026-12-22'],
    ['３０天', '2026-12-22'],
    ['2周', '2026-12-06'],
    ['两个星期', '2026-12-06'],
    ['1个月', '2026-12-22'],
    ['12月31日', '2026-12-31'],
    ['12月31日前', '2026-12-31'],
    ['2026-12-31', '2026-12-31'],
    ['下周五', '2026-11-27'],
    ['今天', '2026-11-22'],
  ])('%s → end of %s', (text, endDay) => {
    expect(parse(text)).toEqual({ ok: true, date: new Date(endOf(endDay)), usedFallback: false });
  });

  it('keeps an explicit time', () => {
    expect(parse('明天下午5点')).toEqual({
      ok: true,
      date: new Date('2026-11-23T17:00:00+08:00'),
      usedFallback: false,
    });
  });

  it('clamps months to the last day of the month', () => {
    const jan31 = new Date('2027-01-31T10:00:00+08:00');
    expect(parseDeadline('1个月', { now: jan31, tz })).toEqual({
      ok: true,
      date: new Date(endOf('2027-02-28')),
      usedFallback: false,
    });
  });

  it('reports fallback when working days run into an uncovered year', () => {
    const r = parseDeadline('15个工作日', { now: new Date('2026-12-20T10:00:00+08:00'), tz });
    expect(r).toEqual({ ok: true, date: new Date(endOf('2027-01-08')), usedFallback: true });
  });

  it('refuses past, empty, impossible and unknown deadlines', () => {
    expect(parse('本周三')).toMatchObject({ ok: false, reason: 'past' });
    expect(parse('今天上午9点')).toMatchObject({ ok: false, reason: 'past' });
    expect(parse('')).toEqual({ ok: false, reason: 'empty' });
    expect(parse('\u3000 ')).toEqual({ ok: false, reason: 'empty' });
    expect(parse('11月31日')).toEqual({ ok: false, reason: 'invalid_date' });
    expect(parse('9999天')).toEqual({ ok: false, reason: 'invalid_date' });
    expect(parse('尽快')).toEqual({ ok: false, reason: 'unrecognized' });
    expect(parse('12月31日左右')).toEqual({ ok: false, reason: 'unrecognized' });
    expect(parse('0天')).toEqual({ ok: false, reason: 'unrecognized' });
  });
});
