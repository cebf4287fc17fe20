import type Router from '@koa/router';
import { z } from 'zod';
import type { Config } from '../../config';
import type { Clock } from '../clock';
import type { Services } from '../services';
import { yearOf } from '../time/zone';
import { parseInput, queryParam } from './errors';
import type { Guard } from './session';
import type { Sendable, UnitRecords } from '../contracts';

export interface UnitRecordRoutesDeps {
  services: Services;
  config: Config;
  clock: Clock;
  guard: Guard;
}

const yearQuery = z.object({ year: queryParam(z.coerce.number().int().min(2000).max(2100).optional()) });

/** 单位办理: each handling unit's record of a year (the office's; the 部门评议 reads the same service). */
export function registerUnitRecordRoutes(router: Router, d: UnitRecordRoutesDeps): void {
  router.get(
    '/unit-records',
    d.guard.office(async (ctx) => {
      const now = d.clock.now();
      const year = parseInput(yearQuery, ctx.query).year ?? yearOf(now, d.config.timezone);
      ctx.body = { year, units: await d.services.opinions.unitRecords(year, now) } satisfies Sendable<UnitRecords>;
    }),
  );
}
