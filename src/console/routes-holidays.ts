import type Router from '@koa/router';
import { z } from 'zod';
import type { Config } from '../../config';
import type { Clock } from '../clock';
import type { Services } from '../services';
import type { ArrangementView } from '../services/calendar';
import { weekdayMakeUps } from '../time/holiday-arrangement';
import { parseInput } from './errors';
import { type Guard, jsonBody } from './session';
import type { HolidayYear, Sendable } from '../contracts';

export interface HolidayRoutesDeps {
  services: Services;
  config: Config;
  clock: Clock;
  guard: Guard;
}

const yearParam = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
// A year has at most 366 days; the service checks each date is real and inside the year.
const dayList = z
  .array(
    z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/),
  )
  .max(366);
const daysSchema = z.strictObject({ off: dayList.default([]), on: dayList.default([]) });

function viewJson(v: ArrangementView, missingNextYear: number | undefined): Sendable<HolidayYear> {
  return {
    year: v.year,
    source: v.source,
    off: v.arrangement?.off ?? [],
    on: v.arrangement?.on ?? [],
    weekdayMakeUps: v.arrangement ? weekdayMakeUps(v.arrangement) : [],
    updatedAt: v.updatedAt ?? null,
    updatedByName: v.updatedByName ?? null,
    shadowsFile: v.shadowsFile,
    missingNextYear: missingNextYear ?? null,
  };
}

/** 节假日: the office reads and enters a year's holidays and make-up working days (the chat's 节假日 command as a form). */
export function registerHolidayRoutes(router: Router, d: HolidayRoutesDeps): void {
  const { services, clock, guard } = d;
  const holidays = services.holidays;

  router.get(
    '/holidays/:year',
    guard.office(async (ctx) => {
      const { year } = parseInput(yearParam, ctx.params);
      const view = await holidays.show(year);
      ctx.body = viewJson(view, holidays.missingNextYear(clock.now()));
    }),
  );

  router.put(
    '/holidays/:year',
    guard.office(async (ctx, who) => {
      const { year } = parseInput(yearParam, ctx.params);
      const days = parseInput(daysSchema, await jsonBody(ctx));
      const now = clock.now();
      // A refusal reaches the one catch point: 422 with its code and the message on the lists it concerns.
      const { estimated } = await holidays.set(year, days, who.actor, now);
      const view = await holidays.show(year);
      ctx.body = { ...viewJson(view, holidays.missingNextYear(now)), estimated };
    }),
  );
}
