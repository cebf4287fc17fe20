import { addDaysYmd, fromWallTime, startOfWeek, wallTime, yearOf } from '../../time/zone';
import { type DigestData, formatDigest } from './digest-format';
import type { Notifier } from '../delivery';
import type { Study } from './study';

/** What the digest reads from the other features (their services, with these exact signatures). */
export interface DigestSources {
  events: {
    upcoming(now: Date, days: number): Promise<DigestData['upcoming']>;
  };
  opinions: {
    /** Last week's steps, what is overdue now, and the year's rates: one read. */
    digestFigures(p: {
      now: Date;
      from: Date;
      to: Date;
      year: number;
    }): Promise<Pick<DigestData, 'lastWeek' | 'overdue' | 'rates'>>;
  };
  study: Pick<Study, 'pushedBetween' | 'countDeputies'>;
}

export interface DigestOptions {
  timezone: string;
  notify: Notifier;
  maxBytes: number;
  /** Resolved lazily: the sources are services built alongside this one. */
  sources: () => DigestSources;
}

/** The weekly digest: gathers the week from the other services, formats it, pushes it to the group. */
export function createDigest(o: DigestOptions) {
  const tz = o.timezone;

  /** Last full Monday-to-Sunday week before now, the coming seven days, and the year so far. */
  async function gather(now: Date): Promise<DigestData> {
    const src = o.sources();
    const to = startOfWeek(now, tz);
    const from = fromWallTime(addDaysYmd(wallTime(to, tz), -7), tz);
    const year = yearOf(now, tz);
    const [upcoming, { lastWeek, overdue, rates }, pushed, total] = await Promise.all([
      src.events.upcoming(now, 7),
      src.opinions.digestFigures({ now, from, to, year }),
      src.study.pushedBetween(from, to),
      src.study.countDeputies(),
    ]);
    const study = pushed.map((s) => ({ code: s.code, title: s.title, learned: s.learnedCount, total }));
    return { now, period: { from, to }, upcoming, lastWeek, overdue, year, rates, study };
  }

  async function build(now: Date): Promise<string[]> {
    return formatDigest(await gather(now), { tz, maxBytes: o.maxBytes });
  }

  return {
    gather,
    build,
    /** Pushes the digest as parts keyed `${key}:1…n`; returns how many parts were queued. */
    async push(now: Date, key: string): Promise<number> {
      const parts = await build(now);
      for (const [i, part] of parts.entries()) await o.notify.toGroup(`${key}:${i + 1}`, part);
      return parts.length;
    },
  };
}

export type Digest = ReturnType<typeof createDigest>;
