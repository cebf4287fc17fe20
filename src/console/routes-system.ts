import type Router from '@koa/router';
import { z } from 'zod';
import type { Config } from '../../config';
import type { Clock } from '../clock';
import { t } from '../messages';
import type { Services } from '../services';
import type { OutboxChange } from '../services/delivery';
import { ApiError, parseInput, queryParam } from './errors';
import { type Guard, jsonBody } from './session';
import type { OutboxPage, PushGroupChosen, Sendable, SystemInfo } from '../contracts';

export interface SystemRoutesDeps {
  services: Services;
  config: Config;
  clock: Clock;
  guard: Guard;
  /** The database gate's bounded ping (reachability). */
  database?: { ping(timeoutMs: number): Promise<void> };
  version?: string;
}

const pushGroupBody = z.object({ chatid: z.string().trim().min(1).max(128) });

const outboxQuery = z.object({
  status: queryParam(z.enum(['queued', 'failed', 'sent']).default('failed')),
  page: queryParam(z.coerce.number().int().min(1).max(100_000).default(1)),
  pageSize: queryParam(z.coerce.number().int().min(1).max(100).default(20)),
});

function answer(change: OutboxChange): void {
  if (change.ok) return;
  if (change.reason === 'not_found') throw new ApiError(404, 'not_found', t('outboxNotFound'));
  throw new ApiError(400, 'refused', t(change.reason === 'not_failed' ? 'outboxNotFailed' : 'outboxNotWaiting'));
}

/** 系统: jobs (last and next run), the outbox (look, retry, discard), the database, the version. */
export function registerSystemRoutes(router: Router, d: SystemRoutesDeps): void {
  const { services, clock, guard } = d;

  router.get(
    '/system',
    guard.office(async (ctx) => {
      ctx.body = await readSystemInfo(d);
    }),
  );

  // The office chooses the push group among the groups the bot has heard from (as 设为代表群 does in the chat).
  router.post(
    '/system/push-group',
    guard.office(async (ctx, who) => {
      const body = parseInput(pushGroupBody, await jsonBody(ctx));
      if (!services.pushGroup.needed) throw new ApiError(400, 'refused', t('pushGroupNotNeeded'));
      const chosen = await services.pushGroup.choose(body.chatid, who.actor.userid, { fromGroup: false });
      if (!chosen.ok) throw new ApiError(400, 'refused', t('pushGroupUnknown'));
      ctx.body = { ok: true, waiting: chosen.waiting } satisfies Sendable<PushGroupChosen>;
    }),
  );

  router.get(
    '/system/outbox',
    guard.office(async (ctx) => {
      const q = parseInput(outboxQuery, ctx.query);
      const { total, items } = await services.outboxAdmin.list(q.status, q.page, q.pageSize);
      ctx.body = { total, page: q.page, pageSize: q.pageSize, status: q.status, items } satisfies Sendable<OutboxPage>;
    }),
  );

  router.post(
    '/system/outbox/:id/retry',
    guard.office(async (ctx) => {
      answer(await services.outboxAdmin.retry(String(ctx.params.id), clock.now()));
      ctx.body = { ok: true };
    }),
  );

  router.post(
    '/system/outbox/:id/discard',
    guard.office(async (ctx, who) => {
      answer(await services.outboxAdmin.discard(String(ctx.params.id), clock.now(), who.actor.userid));
      ctx.body = { ok: true };
    }),
  );
}

/** What the 系统 page shows: the version, the database, the outbox, the push group and the jobs. */
async function readSystemInfo(d: SystemRoutesDeps): Promise<Sendable<SystemInfo>> {
  const { services, clock } = d;
  const now = clock.now();
  const started = Date.now();
  const reachable = d.database
    ? await d.database.ping(d.config.tunables.database.readyTimeoutMs).then(
        () => true,
        () => false,
      )
    : true;
  const [jobs, outbox, pushGroup] = await Promise.all([
    services.jobRuns.overview(now, undefined, 1),
    services.outboxHealth.counts(),
    services.pushGroup.overview(),
  ]);
  const people = [pushGroup.chosen?.chosenBy, ...pushGroup.seen.map((g) => g.learnedFrom)];
  const names = await services.roster.namesOf(people.filter((u): u is string => Boolean(u)));
  const nameOf = (userid?: string) => (userid ? (names.get(userid) ?? userid) : undefined);
  return {
    version: d.version ?? 'unknown',
    database: {
      kind: d.config.mongodbUri ? 'external' : 'embedded',
      reachable,
      pingMs: reachable ? Date.now() - started : null,
    },
    outbox,
    // The long connection's push group: chosen or not, the groups heard from, what waits for it.
    pushGroup: {
      ...pushGroup,
      chosen: pushGroup.chosen && { ...pushGroup.chosen, chosenBy: nameOf(pushGroup.chosen.chosenBy) },
      seen: pushGroup.seen.map((g) => ({ ...g, learnedFrom: nameOf(g.learnedFrom) })),
    },
    jobs: jobs.map((j) => {
      const last = j.lastRuns[0];
      return {
        name: j.name,
        enabled: j.enabled,
        lastRunAt: last?.startedAt ?? null,
        finishedAt: last?.finishedAt ?? null,
        outcome: last?.status ?? null,
        error: last?.error ?? null,
        note: last?.note ?? null,
        failedLastDay: j.failedLastDay,
        nextAt: j.nextDueAt ?? null,
      };
    }),
  } satisfies Sendable<SystemInfo>;
}
