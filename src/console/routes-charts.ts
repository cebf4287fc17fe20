import type Router from '@koa/router';
import type { Clock } from '../clock';
import type { Services } from '../services';
import type { Guard } from './session';

export interface ChartRoutesDeps {
  services: Services;
  clock: Clock;
  guard: Guard;
}

/** The pictures the bot pushes, for the console's overview: the same PNG the Monday digest sends. */
export function registerChartRoutes(router: Router, d: ChartRoutesDeps): void {
  router.get(
    '/charts/digest.png',
    d.guard.office(async (ctx) => {
      const png = await d.services.digest.chart(d.clock.now());
      // Nothing filed, answered or rated in the weeks it covers: no picture, as in the group.
      if (!png) {
        ctx.status = 204;
        return;
      }
      ctx.type = 'image/png';
      ctx.set('cache-control', 'private, no-store');
      ctx.body = png;
    }),
  );
}
