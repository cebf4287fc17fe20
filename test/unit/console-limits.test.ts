import { ManualClock } from '../../src/clock';
import { createSignInLimiter } from '../../src/console/rate-limit';
import { contentDisposition } from '../../src/console/routes-exports';

describe('sign-in limiter', () => {
  it('counts per address and for the whole instance, per window', () => {
    const clock = new ManualClock('2026-11-22T10:00:00Z');
    const limit = createSignInLimiter({ clock, perIp: 3, global: 5, windowMinutes: 10 });
    expect([1, 2, 3, 4].map(() => limit.allow('a'))).toEqual([true, true, true, false]);
    // 'a' used four of the instance's five: 'b' gets one, then the instance is full.
    expect(limit.allow('b')).toBe(true);
    expect(limit.allow('c')).toBe(false);
    clock.advance(10 * 60_000);
    expect(limit.allow('a')).toBe(true);
    expect(limit.allow('c')).toBe(true);
  });
});

describe('download names', () => {
  it('ASCII fallback plus the UTF-8 name per RFC 5987', () => {
    expect(contentDisposition('opinions-2026.xlsx', '意见建议台账-2026.xlsx')).toBe(
      'attachment; filename="opinions-2026.xlsx"; filename*=UTF-8\'\'%E6%84%8F%E8%A7%81%E5%BB%BA%E8%AE%AE%E5%8F%B0%E8%B4%A6-2026.xlsx',
    );
    // Characters RFC 5987 does not allow bare are escaped; quotes cannot break the fallback.
    expect(contentDisposition('a"b.xlsx', "意见（筛选）'(x)*.xlsx")).toBe(
      'attachment; filename="a_b.xlsx"; filename*=UTF-8\'\'%E6%84%8F%E8%A7%81%EF%BC%88%E7%AD%9B%E9%80%89%EF%BC%89%27%28x%29%2A.xlsx',
    );
  });
});
