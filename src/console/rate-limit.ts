import type { Clock } from '../clock';

/**
 * Sign-in attempts per client IP and for the whole instance, in fixed windows. Kept in memory per
 * process: a restart forgets counts, and N instances allow N times the global figure. Enough for its
 * purpose (tokens are 256-bit, so this bounds load and noise, not guessing).
 */
export function createSignInLimiter(o: { clock: Clock; perIp: number; global: number; windowMinutes: number }) {
  const windowMs = o.windowMinutes * 60_000;
  const counts = new Map<string, number>();
  let windowStart = 0;
  let total = 0;

  return {
    /** Counts one attempt; false when this IP or the instance is over its limit for the current window. */
    allow(ip: string): boolean {
      const now = o.clock.now().getTime();
      if (now - windowStart >= windowMs || now < windowStart) {
        windowStart = now - (now % windowMs);
        counts.clear();
        total = 0;
      }
      const n = (counts.get(ip) ?? 0) + 1;
      counts.set(ip, n);
      total += 1;
      return n <= o.perIp && total <= o.global;
    },
  };
}

export type SignInLimiter = ReturnType<typeof createSignInLimiter>;
