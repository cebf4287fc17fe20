import { parseStatsPeriod } from '../../src/services/opinions';

const now = new Date('2026-01-15T10:00:00+08:00');
const tz = 'Asia/Shanghai';
const iso = (d: Date) => d.toISOString();

describe('parseStatsPeriod', () => {
  it('reads the current year by default and for 本年/今年', () => {
    for (const text of ['', '本年', '今年', ' 本年 ']) {
      const p = parseStatsPeriod(text, now, tz)!;
      expect([iso(p.from), iso(p.to), p.label]).toEqual([
        '2025-12-31T16:00:00.000Z',
        '2026-12-31T16:00:00.000Z',
        '2026年',
      ]);
    }
  });

  it('reads 本月, 上月 across a year boundary, 去年 and a year with full-width digits', () => {
    expect(parseStatsPeriod('本月', now, tz)!.label).toBe('2026年1月');
    const last = parseStatsPeriod('上月', now, tz)!;
    expect([iso(last.from), iso(last.to), last.label]).toEqual([
      '2025-11-30T16:00:00.000Z',
      '2025-12-31T16:00:00.000Z',
      '2025年12月',
    ]);
    expect(parseStatsPeriod('去年', now, tz)!.label).toBe('2025年');
    expect(parseStatsPeriod('２０２４年', now, tz)!.label).toBe('2024年');
  });

  it('refuses anything else', () => {
    for (const text of ['上周', '26', '3000', '本季度']) expect(parseStatsPeriod(text, now, tz)).toBeUndefined();
  });
});
