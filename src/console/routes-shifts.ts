import type Router from '@koa/router';
import { z } from 'zod';
import { t } from '../messages';
import { fromWallTime } from '../time/zone';
import { dayParts, wallDay } from './wall-time';
import { readStationName } from '../commands/station-words';
import { parseInput } from './errors';
import type { EventRoutesDeps } from './routes-events';
import { jsonBody } from './session';
import type { Sendable, ShiftAssigned, ShiftRemoved, ShiftWeek } from '../contracts';

// 值班: the liaison-station duty calendar by week; 排班 and taking a deputy off, through the shift services.

const day = wallDay;

const weekSchema = z.object({
  week: z.preprocess((v) => (v === '' ? undefined : v), day('周').optional()),
  station: z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().max(40).optional()),
});

const assignSchema = z
  .object({
    day: day('日期'),
    time: z
      .string()
      .refine((s) => /^([01]\d|2[0-3]):[0-5]\d$/.test(s), { message: t('formClock', { label: '开始时间' }) })
      .nullable()
      .default(null),
    station: z.string().trim().min(1).max(40),
    userids: z.array(z.string().trim().min(1).max(64)).min(1).max(30),
    /** Made by the page per submission: the notice of a retried request is sent once. */
    requestId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  })
  .strict();

const removeSchema = z.object({ userid: z.string().trim().min(1).max(64) }).strict();

export function registerShiftRoutes(router: Router, d: EventRoutesDeps): void {
  const { services, config, clock, guard } = d;
  const { shifts, shiftBoard } = services.events;

  router.get(
    '/shifts',
    guard.office(async (ctx) => {
      const q = parseInput(weekSchema, ctx.query);
      const now = clock.now();
      const m = q.week ? dayParts(q.week) : undefined;
      // Noon: the same day in any zone offset.
      const anyDay = m ? fromWallTime({ ...m, hour: 12 }, config.timezone) : now;
      ctx.body = {
        station: q.station ?? null,
        ...(await shiftBoard.week(anyDay, q.station, now)),
      } satisfies Sendable<ShiftWeek>;
    }),
  );

  // 排班 from the page: the same service and notice (to the deputies added) as the chat's 排班.
  router.post(
    '/shifts',
    guard.office(async (ctx, who) => {
      const b = parseInput(assignSchema, await jsonBody(ctx));
      const now = clock.now();
      const origin = `console:${who.actor.userid}:${b.requestId}`;
      // A name that could be several known stations is refused on the form's station field (station.ambiguous).
      const r = await shifts.assign({
        day: b.day,
        time: b.time ?? undefined,
        station: readStationName(b.station, await services.events.stations.known()),
        userids: b.userids,
        actor: who.actor,
        origin,
        now,
      });
      const [shift] = await shiftBoard.views([r.shift], now);
      ctx.body = {
        shift: shift!,
        added: r.added,
        already: r.already,
        station: r.station,
      } satisfies Sendable<ShiftAssigned>;
    }),
  );

  router.post(
    '/shifts/:id/remove',
    guard.office(async (ctx) => {
      const b = parseInput(removeSchema, await jsonBody(ctx));
      ctx.body = (await shiftBoard.remove({
        id: String(ctx.params.id),
        userid: b.userid,
        now: clock.now(),
      })) satisfies Sendable<ShiftRemoved>;
    }),
  );
}
