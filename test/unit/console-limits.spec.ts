import { ManualClock } from '../helpers/clocks';
import { addressKey, createSignInLimiter } from '../../src/console/rate-limit';
import { contentDisposition } from '../../src/console/routes-exports';

describe('sign-in limiter', () => {
  it('counts per address in a sliding window; refused attempts count for nobody', () => {
    const clock = new ManualClock('2026-11-22T10:00:00Z');
    const limit = createSignInLimiter({ clock, perIp: 3, windowMinutes: 10 });
    expect([1, 2, 3, 4].map(() => limit.allow('a'))).toEqual([true, true, true, false]);
    // However often 'a' tries, others are untouched.
    for (let i = 0; i < 50; i++) limit.allow('a');
    expect(limit.allow('b')).toBe(true);
    // Sliding: at 9 minutes the first attempts still count; just past 10 minutes the oldest has left.
    clock.advance(9 * 60_000);
    expect(limit.blocked('a')).toBe(true);
    clock.advance(60_000 + 1);
    expect(limit.blocked('a')).toBe(false);
    expect(limit.allow('a')).toBe(true);
  });

  it('misses count; a look that finds nothing wrong does not', () => {
    const clock = new ManualClock('2026-11-22T10:00:00Z');
    const limit = createSignInLimiter({ clock, perIp: 2, windowMinutes: 10 });
    expect(limit.blocked('a')).toBe(false);
    limit.miss('a');
    expect(limit.blocked('a')).toBe(false);
    limit.miss('a');
    expect(limit.blocked('a')).toBe(true);
    expect(limit.blocked('b')).toBe(false);
  });

  it('one IPv6 subscriber block (/64) is one address; IPv4-mapped addresses are IPv4', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::5')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
  });

  it('forgets the least recently counted address when it tracks too many', () => {
    const clock = new ManualClock('2026-11-22T10:00:00Z');
    const limit = createSignInLimiter({ clock, perIp: 1, windowMinutes: 10, maxTracked: 2 });
    limit.miss('a');
    limit.miss('b');
    limit.miss('c');
    expect(limit.blocked('a')).toBe(false);
    expect(limit.blocked('b')).toBe(true);
    expect(limit.blocked('c')).toBe(true);
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
