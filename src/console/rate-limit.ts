import { isIPv6 } from 'node:net';
import type { Clock } from '../clock';

/**
 * Failed sign-in attempts per client address in a sliding window. There is no instance-wide budget:
 * one address (or a few) could spend it for everyone and keep the office out with no credentials.
 * A live link never counts and is never refused for someone else's misses; tokens are 256-bit, so
 * this bounds load and noise, not guessing. In memory per process: a restart forgets counts.
 */
export function createSignInLimiter(o: { clock: Clock; perIp: number; windowMinutes: number; maxTracked?: number }) {
  const windowMs = o.windowMinutes * 60_000;
  const maxTracked = o.maxTracked ?? 100_000;
  /** Per address: the times of its counted attempts within the window, oldest first (at most perIp). */
  const seen = new Map<string, number[]>();

  function recent(key: string, now: number): number[] {
    const times = (seen.get(key) ?? []).filter((at) => at > now - windowMs && at <= now);
    if (times.length) seen.set(key, times);
    else seen.delete(key);
    return times;
  }

  function record(key: string, now: number, times: number[]): void {
    // Re-inserted last: the Map's order is least recently counted first, the first to go when full.
    seen.delete(key);
    seen.set(key, [...times, now].slice(-o.perIp));
    if (seen.size > maxTracked) seen.delete(seen.keys().next().value as string);
  }

  return {
    /** Whether this address has used up its attempts within the last window (counts nothing). */
    blocked(ip: string): boolean {
      return recent(addressKey(ip), o.clock.now().getTime()).length >= o.perIp;
    },
    /** Counts one failed attempt (an unknown or spent link, a refused WeCom answer). */
    miss(ip: string): void {
      const now = o.clock.now().getTime();
      const key = addressKey(ip);
      record(key, now, recent(key, now));
    },
    /** Counts one attempt that costs something whatever its outcome; false (and not counted) when blocked. */
    allow(ip: string): boolean {
      const now = o.clock.now().getTime();
      const key = addressKey(ip);
      const times = recent(key, now);
      if (times.length >= o.perIp) return false;
      record(key, now, times);
      return true;
    },
  };
}

/** IPv4 as is; IPv6 by its /64, the block one subscriber usually holds (else each address would be a fresh budget). */
export function addressKey(ip: string): string {
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (v4) return v4[1]!;
  if (!isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export type SignInLimiter = ReturnType<typeof createSignInLimiter>;
