import type Router from '@koa/router';
import { z } from 'zod';
import type { Config } from '../../config';
import type { Clock } from '../clock';
import type { Services } from '../services';
import { addWorkdays } from '../time/workdays';
import { formatDate } from '../time/format';
import { fromWallTime, wallTime, yearOf } from '../time/zone';
import { parseInput } from './errors';
import type { Guard } from './session';
import type { Overview, Sendable, Units, Workdays } from '../contracts';

export interface OverviewRoutesDeps {
  services: Services;
  config: Config;
  clock: Clock;
  guard: Guard;
}

const UPCOMING_DAYS = 30;
const ymd = (d: Date, tz: string) => {
  const w = wallTime(d, tz);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
};

type Upcoming = Awaited<ReturnType<Services['events']['upcoming']>>;
type JobOverview = Awaited<ReturnType<Services['jobRuns']['overview']>>;

/** Cases due soon or overdue, counted per unit, the most overdue first. */
function dueByUnitOf(due: Array<{ unit: string; overdue: boolean }>) {
  const byUnit = new Map<string, { unit: string; overdue: number; dueSoon: number }>();
  for (const i of due) {
    const u = byUnit.get(i.unit) ?? { unit: i.unit, overdue: 0, dueSoon: 0 };
    if (i.overdue) u.overdue += 1;
    else u.dueSoon += 1;
    byUnit.set(i.unit, u);
  }
  return [...byUnit.values()].sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon);
}

/** Activities and meetings in one list, the soonest first. */
function upcomingOf(upcoming: Upcoming) {
  const item = (kind: 'activity' | 'meeting') => (e: Upcoming['activities' | 'meetings'][number]) => ({
    code: e.code,
    kind,
    title: e.title,
    startsAt: e.startAt,
    place: e.place,
  });
  return [...upcoming.activities.map(item('activity')), ...upcoming.meetings.map(item('meeting'))].sort(
    (a, b) => a.startsAt.getTime() - b.startsAt.getTime(),
  );
}

const jobJson = (j: JobOverview[number]) => ({
  name: j.name,
  enabled: j.enabled,
  lastRunAt: j.lastRuns[0]?.startedAt ?? null,
  outcome: j.lastRuns[0]?.status ?? null,
  failedLastDay: j.failedLastDay,
  nextAt: j.nextDueAt ?? null,
});

/** 概览 and the small lookups the case forms need (units used before, a deadline in working days). */
export function registerOverviewRoutes(router: Router, d: OverviewRoutesDeps): void {
  registerOverviewPage(router, d);
  registerFormLookups(router, d);
}

function registerOverviewPage(router: Router, d: OverviewRoutesDeps): void {
  const { services, config, clock, guard } = d;
  const tz = config.timezone;

  router.get(
    '/overview',
    guard.office(async (ctx) => {
      const now = clock.now();
      const q = parseInput(
        z.object({
          year: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(2000).max(2100).optional()),
        }),
        ctx.query,
      );
      const year = q.year ?? yearOf(now, tz);
      const period = {
        from: fromWallTime({ year, month: 1, day: 1 }, tz),
        to: fromWallTime({ year: year + 1, month: 1, day: 1 }, tz),
      };
      const [stats, due, monthly, upcoming, outbox, jobs] = await Promise.all([
        services.opinions.stats(period, now),
        services.opinions.dueItems(now),
        services.opinions.monthly(year),
        services.events.upcoming(now, UPCOMING_DAYS),
        services.outboxHealth.counts(),
        services.jobRuns.overview(now, undefined, 1),
      ]);
      ctx.body = {
        year,
        counts: { total: stats.total, byStatus: stats.byStatus },
        rates: {
          answered: stats.rates.answerRate,
          closed: stats.rates.closeRate,
          satisfied: stats.rates.satisfactionRate,
          resolved: stats.rates.resolveRate,
        },
        dueByUnit: dueByUnitOf(due),
        monthly,
        byCategory: Object.entries(stats.byCategory).map(([category, count]) => ({ category, count })),
        byUnit: stats.units.map((u) => ({ unit: u.unit, assigned: u.assigned, overdue: u.overdue })),
        upcoming: upcomingOf(upcoming),
        health: { outbox, jobs: jobs.map(jobJson) },
      } satisfies Sendable<Overview>;
    }),
  );
}

function registerFormLookups(router: Router, d: OverviewRoutesDeps): void {
  const { services, config, clock, guard } = d;
  const tz = config.timezone;

  router.get(
    '/units',
    guard.office(async (ctx) => {
      ctx.body = { units: await services.opinions.knownUnits() } satisfies Units;
    }),
  );

  // The same count of working days 交办 uses (official holiday calendar), shown before saving.
  router.get(
    '/workdays',
    guard.office(async (ctx) => {
      const q = parseInput(
        z.object({
          days: z.preprocess(
            (v) => (v === '' ? undefined : v),
            z.coerce.number().int().min(1).max(365).default(config.assignDeadlineWorkdays),
          ),
        }),
        ctx.query,
      );
      // The office's entries count here as in every deadline (not only the bundled data).
      const r = addWorkdays(clock.now(), q.days, tz, services.holidays.calendar());
      ctx.body = {
        days: q.days,
        date: ymd(r.date, tz),
        text: formatDate(r.date, tz),
        estimated: r.usedFallback,
      } satisfies Workdays;
    }),
  );
}
