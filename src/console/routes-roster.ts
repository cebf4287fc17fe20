import type Router from '@koa/router';
import { z } from 'zod';
import { parseInput, queryParam } from './errors';
import { type RosterRoutesDeps, registerRosterImportRoutes } from './routes-roster-import';
import { jsonBody } from './session';
import type { DeputySaved, RosterList, Sendable } from '../contracts';

const listQuery = z.object({
  q: queryParam(z.string().trim().max(64).optional()),
  active: queryParam(z.enum(['all', 'active', 'inactive']).default('active')),
});
const officeBody = z.object({ office: z.boolean() });
const deputyBody = z.object({
  userid: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(20),
  level: z.string().trim().max(20).optional(),
  group: z.string().trim().max(40).optional(),
  // The page's form: contact fields (an empty one clears it) and whether it adds or edits.
  phone: z.string().trim().max(30).optional(),
  station: z.string().trim().max(40).optional(),
  district: z.string().trim().max(40).optional(),
  mode: z.enum(['add', 'edit']).optional(),
});

/** 代表名册: the roster service's rules (never the last office member) and the file import (routes-roster-import.ts). */
export function registerRosterRoutes(router: Router, d: RosterRoutesDeps): void {
  registerDeputyRoutes(router, d);
  registerRosterImportRoutes(router, d);
}

/** The list and one deputy's changes: add or edit, office or not, deactivate. */
function registerDeputyRoutes(router: Router, d: RosterRoutesDeps): void {
  const { services, config, guard } = d;

  router.get(
    '/roster',
    guard.office(async (ctx) => {
      const q = parseInput(listQuery, ctx.query);
      const all = await services.roster.list();
      const fromConfig = new Set(config.officeUserIds);
      const items = all
        .filter((p) => (q.active === 'all' ? true : q.active === 'active' ? p.active : !p.active))
        .filter((p) => !q.q || p.name.includes(q.q) || p.userid.includes(q.q) || (p.station ?? '').includes(q.q))
        .sort((a, b) => a.name.localeCompare(b.name, 'zh'))
        .map((p) => ({
          ...p,
          termStart: p.termStart ?? null,
          termEnd: p.termEnd ?? null,
          officeFromConfig: fromConfig.has(p.userid),
        }));
      ctx.body = { total: items.length, items } satisfies Sendable<RosterList>;
    }),
  );

  // Add, edit (name, level, group) or reactivate one deputy: the rules of the chat's 代表 添加.
  router.post(
    '/roster',
    guard.office(async (ctx) => {
      const { mode, ...b } = parseInput(deputyBody, await jsonBody(ctx));
      const expect = mode === 'add' ? 'new' : mode === 'edit' ? 'existing' : undefined;
      const r = await services.roster.upsertDeputy({ ...b, expect });
      ctx.body = {
        outcome: r.outcome,
        userid: r.entry.userid,
        name: r.entry.name,
        level: r.entry.level,
      } satisfies DeputySaved;
    }),
  );

  router.post(
    '/roster/:userid/office',
    guard.office(async (ctx) => {
      const b = parseInput(officeBody, await jsonBody(ctx));
      const entry = await services.roster.setOffice(String(ctx.params.userid), b.office);
      ctx.body = { userid: entry.userid, name: entry.name, isOffice: entry.isOffice };
    }),
  );

  router.post(
    '/roster/:userid/deactivate',
    guard.office(async (ctx, who) => {
      const entry = await services.roster.deactivate(String(ctx.params.userid), who.actor.userid);
      ctx.body = { userid: entry.userid, name: entry.name, active: entry.active };
    }),
  );
}
