import {
  DIGEST_CHART_SIZE,
  type DigestChartData,
  digestChartHasData,
  digestChartOption,
  renderChartPng,
} from '../../charts';
import { t } from '../../messages';
import { groupSafe } from '../../text/group-safe';
import { formatMonthDay } from '../../time/format';
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
    weekChart(from: Date, to: Date, weeks?: number): Promise<DigestChartData>;
  };
  study: Pick<Study, 'pushedBetween' | 'countDeputies'>;
}

/** How many weeks of rates the digest picture shows. */
export const DIGEST_CHART_WEEKS = 12;

/** What one digest push queued: its text parts, and whether the picture went with them. */
export interface DigestPush {
  parts: number;
  /** `none`: nothing to draw this week. */
  chart: 'queued' | 'none';
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

  /** The last full Monday-to-Sunday week before now, [from, to). */
  function weekBefore(now: Date): { from: Date; to: Date } {
    const to = startOfWeek(now, tz);
    return { from: fromWallTime(addDaysYmd(wallTime(to, tz), -7), tz), to };
  }

  /** Last full Monday-to-Sunday week before now, the coming seven days, and the year so far. */
  async function gather(now: Date): Promise<DigestData> {
    const src = o.sources();
    const { from, to } = weekBefore(now);
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

  /** The digest's picture as PNG, or undefined when the week and the rates have nothing to show. */
  async function chart(now: Date): Promise<Buffer | undefined> {
    const { from, to } = weekBefore(now);
    const data = await o.sources().opinions.weekChart(from, to, DIGEST_CHART_WEEKS);
    if (!digestChartHasData(data)) return undefined;
    // Category names reach the group in the picture: the same group-safe treatment as in the text.
    const shown = { ...data, categories: data.categories.map((c) => ({ ...c, name: groupSafe(c.name) })) };
    const labels = {
      weekTitle: t('chartWeekTitle', {
        from: formatMonthDay(from, tz),
        to: formatMonthDay(new Date(to.getTime() - 1), tz),
      }),
      filed: t('chartFiled'),
      answered: t('chartAnswered'),
      ratesTitle: t('chartRatesTitle', { weeks: DIGEST_CHART_WEEKS }),
      answerRate: t('chartAnswerRate'),
      closeRate: t('chartCloseRate'),
      satisfactionRate: t('chartSatisfactionRate'),
    };
    return renderChartPng(digestChartOption(shown, labels), DIGEST_CHART_SIZE);
  }

  return {
    gather,
    build,
    chart,
    /** True when a push at `now` would send the picture after the text (the 周报 preview says so). */
    async chartFollows(now: Date): Promise<boolean> {
      const { from, to } = weekBefore(now);
      return digestChartHasData(await o.sources().opinions.weekChart(from, to, DIGEST_CHART_WEEKS));
    },
    /**
     * Pushes the digest as parts keyed `${key}:1…n`, then its picture keyed `${key}:chart`; all share
     * the ordered group `key`, so the picture goes out after the last text part.
     */
    async push(now: Date, key: string): Promise<DigestPush> {
      const parts = await build(now);
      for (const [i, part] of parts.entries())
        await o.notify.toGroup(`${key}:${i + 1}`, part, { order: { group: key, seq: i } });
      const png = await chart(now);
      if (!png) return { parts: parts.length, chart: 'none' };
      await o.notify.imageToGroup(`${key}:chart`, png, { order: { group: key, seq: parts.length } });
      return { parts: parts.length, chart: 'queued' };
    },
  };
}

export type Digest = ReturnType<typeof createDigest>;
