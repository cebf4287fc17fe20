import type Router from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import type { Clock } from '../clock';
import { UserError } from '../errors';
import type { Services } from '../services';
import { notFound, parseInput } from './errors';
import { type Guard, jsonBody } from './session';

export interface EventRoutesDeps {
  services: Services;
  clock: Clock;
  guard: Guard;
}

const EVENT_CODE = /^H[DY]\d{4}-\d{3,}$/;
const NOT_FOUND_KEYS = new Set(['activityNotFound', 'meetingNotFound', 'activityCodeInvalid', 'meetingCodeInvalid']);

/** An activity's or meeting's full code from the path (HD2026-001, HY2026-001); anything else is a 404. */
export function eventCodeOf(ctx: Context): string {
  const code = String(ctx.params.code ?? '').toUpperCase();
  if (!EVENT_CODE.test(code)) throw notFound();
  return code;
}

/** An unknown event is a 404 like any other unknown page; other refusals stay as the service said them. */
export async function orNotFound<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof UserError && NOT_FOUND_KEYS.has(err.key)) throw notFound();
    throw err;
  }
}

const switchSchema = z.object({ on: z.boolean() }).strict();

/** The room's check-in code: the screen page polls the current code; the office switches it on and off. */
export function registerRoomCodeRoutes(router: Router, d: EventRoutesDeps): void {
  const { services, clock, guard } = d;
  const roomCodes = services.events.roomCodes;

  router.get(
    '/events/:code/room-code',
    guard.office(async (ctx) => {
      ctx.body = await orNotFound(roomCodes.get(eventCodeOf(ctx), clock.now()));
    }),
  );

  router.post(
    '/events/:code/room-code',
    guard.office(async (ctx, who) => {
      const code = eventCodeOf(ctx);
      const b = parseInput(switchSchema, await jsonBody(ctx));
      const now = clock.now();
      ctx.body = await orNotFound(b.on ? roomCodes.switchOn(code, who.actor, now) : roomCodes.switchOff(code, now));
    }),
  );
}
