import type Router from '@koa/router';
import { z } from 'zod';
import type { Config } from '../../config';
import type { Services } from '../services';
import { fromWallTime } from '../time/zone';
import { parseInput, queryParam } from './errors';
import type { Guard } from './session';
import type { AuditPage } from '../contracts';

export interface AuditRoutesDeps {
  services: Services;
  config: Config;
  guard: Guard;
}

const day = queryParam(
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
);

const auditQuery = z.object({
  person: queryParam(z.string().trim().max(64).optional()),
  code: queryParam(z.string().trim().max(64).optional()),
  from: day,
  to: day,
  page: queryParam(z.coerce.number().int().min(1).max(100_000).default(1)),
  pageSize: queryParam(z.coerce.number().int().min(1).max(100).default(20)),
});

/** `YYYY-MM-DD` in the deployment's zone → the first (or, with `end`, the last) instant of that day. */
function dayBound(ymd: string | undefined, tz: string, end: boolean): Date | undefined {
  if (!ymd) return undefined;
  const [year, month, dayOfMonth] = ymd.split('-').map(Number) as [number, number, number];
  return fromWallTime({ year, month, day: dayOfMonth + (end ? 1 : 0), millisecond: end ? -1 : 0 }, tz);
}

/** 操作日志: read-only by design — there is no route that edits or deletes an entry. */
export function registerAuditRoutes(router: Router, d: AuditRoutesDeps): void {
  router.get(
    '/audit',
    d.guard.office(async (ctx) => {
      const q = parseInput(auditQuery, ctx.query);
      const tz = d.config.timezone;
      const { total, items } = await d.services.audit.search({
        person: q.person,
        code: q.code,
        from: dayBound(q.from, tz, false),
        to: dayBound(q.to, tz, true),
        page: q.page,
        pageSize: q.pageSize,
      });
      ctx.body = {
        total,
        page: q.page,
        pageSize: q.pageSize,
        items: items.map((e) => ({
          at: e.at.toISOString(),
          who: e.actor,
          via: e.via,
          what: e.what,
          kind: e.kind,
          code: e.code,
          op: e.op,
        })),
      } satisfies AuditPage;
    }),
  );
}
