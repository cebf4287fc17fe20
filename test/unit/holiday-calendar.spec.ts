import { foldRanges, parseArrangement, validateArrangement } from '../../src/time/holiday-arrangement';
import { bundledCalendar, layeredCalendar } from '../../src/time/holiday-calendar';
import { addWorkdays, isWorkday } from '../../src/time/workdays';

const tz = 'Asia/Shanghai';
const day = (local: string): Date => new Date(`${local}T12:00:00+08:00`);

describe('parseArrangement', () => {
  it('reads ranges, single days, month-less range ends and several spellings', () => {
    const r = parseArrangement(2027, '放假：1月1日-3日，2.15~2.17、2027年10月1日 至 10月2日 调休上班 2/14');
    expect(r).toEqual({
      ok: true,
      arrangement: {
        year: 2027,
        off: [
          '2027-01-01',
          '2027-01-02',
          '2027-01-03',
          '2027-02-15',
          '2027-02-16',
          '2027-02-17',
          '2027-10-01',
          '2027-10-02',
        ],
        on: ['2027-02-14'],
      },
    });
  });

  it('reads ISO dates (as a file holds them) without mistaking their dashes for ranges', () => {
    const r = parseArrangement(2027, '休：2027-01-01-2027-01-02 班：2027-02-14');
    expect(r.ok && r.arrangement).toEqual({ year: 2027, off: ['2027-01-01', '2027-01-02'], on: ['2027-02-14'] });
  });

  it.each([
    ['休：1月1日 班：1月1日', 'both'],
    ['休：2028年1月1日', 'other_year'],
    ['休：2月29日', 'bad_date'], // 2027 is not a leap year
    ['休：3月5日-3月1日', 'reversed'],
    ['休：1月1日-3月1日', 'too_long'],
    ['1月1日', 'stray'],
    ['休： 班：', 'empty'],
    ['休：元旦', 'bad_date'],
  ])('%s → %s', (text, kind) => {
    const r = parseArrangement(2027, text);
    expect(r.ok ? 'ok' : r.problem.kind).toBe(kind);
  });

  it('validateArrangement drops duplicates and sorts', () => {
    expect(validateArrangement({ year: 2027, off: ['2027-01-02', '2027-01-01', '2027-01-02'], on: [] })).toEqual({
      ok: true,
      arrangement: { year: 2027, off: ['2027-01-01', '2027-01-02'], on: [] },
    });
  });

  it('foldRanges joins consecutive days, across a month end too', () => {
    expect(foldRanges(['2027-01-31', '2027-02-01', '2027-02-03'])).toEqual([
      ['2027-01-31', '2027-02-01'],
      ['2027-02-03'],
    ]);
  });
});

describe('layeredCalendar', () => {
  const entered = layeredCalendar([{ year: 2027, off: ['2027-01-01'], on: ['2027-02-14'] }]);

  it('decides an entered year by the entry alone, other years by the fallback', () => {
    expect(isWorkday(day('2027-01-01'), tz, entered)).toBe(false);
    expect(isWorkday(day('2027-02-14'), tz, entered)).toBe(true); // Sunday, make-up day
    expect(isWorkday(day('2027-02-15'), tz, entered)).toBe(true); // not named: weekday rule
    expect(isWorkday(day('2026-01-01'), tz, entered)).toBe(false); // bundled
    expect(entered.covers(2027)).toBe(true);
    expect(bundledCalendar.covers(2027)).toBe(false);
  });

  it('an entry replaces the bundled data of its year instead of merging with it', () => {
    const fixed = layeredCalendar([{ year: 2026, off: ['2026-01-01'], on: [] }]);
    expect(isWorkday(day('2026-01-02'), tz, fixed)).toBe(true); // a bundled holiday, not in the entry
  });

  it('addWorkdays flags only counts that ran through an unknown year', () => {
    const start = new Date('2026-12-28T10:00:00+08:00');
    expect(addWorkdays(start, 5, tz)).toEqual({ date: new Date('2027-01-04T23:59:59.999+08:00'), usedFallback: true });
    expect(addWorkdays(start, 5, tz, entered)).toEqual({
      date: new Date('2027-01-05T23:59:59.999+08:00'),
      usedFallback: false,
    });
    expect(addWorkdays(start, 3, tz).usedFallback).toBe(false);
  });
});
