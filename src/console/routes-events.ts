import type Router from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import type { Config } from '../../config';
import type { Clock } from '../clock';
import type { MessageKey } from '../messages';
import { eventListText } from '../messages/room-code';
import type { Services } from '../services';
import { writeEventList } from '../services/exports';
import { notFound, parseInput, refusalsOf } from './errors';
import { sendWorkbook } from './routes-exports';
import { type Guard, jsonBody } from './session';
import type { EventDetail, EventList, RoomCodeView, Sendable } from '../contracts';

export interface EventRoutesDeps {
  services: Services;
  config: Config;
  clock: Clock;
  guard: Guard;
}

const EVENT_CODE = /^H[DY]\d{4}-\d{3,}$/;
export const EVENT_NOT_FOUND: readonly MessageKey[] = [
  'activityNotFound',
  'meetingNotFound',
  'activityCodeInvalid',
  'meetingCodeInvalid',
];

/** An activity's or meeting's full code from the path (HD2026-001, HY2026-001); anything else is a 404. */
export function eventCodeOf(ctx: Context): string {
  const code = String(ctx.params.code ?? '').toUpperCase();
  if (!EVENT_CODE.test(code)) throw notFound();
  return code;
}

/** An unknown event is a 404 like any other unknown page; other refusals stay as the service said them. */
export const orNotFound = refusalsOf({ notFound: EVENT_NOT_FOUND });

const switchSchema = z.object({ on: z.boolean() }).strict();

/** The room's check-in code: the screen page polls the current code; the office switches it on and off. */
export function registerRoomCodeRoutes(router: Router, d: EventRoutesDeps): void {
  const { services, clock, guard } = d;
  const roomCodes = services.events.roomCodes;

  router.get(
    '/events/:code/room-code',
    guard.office(async (ctx) => {
      ctx.body = (await orNotFound(roomCodes.get(eventCodeOf(ctx), clock.now()))) satisfies RoomCodeView;
    }),
  );

  router.post(
    '/events/:code/room-code',
    guard.office(async (ctx, who) => {
      const code = eventCodeOf(ctx);
      const b = parseInput(switchSchema, await jsonBody(ctx));
      const now = clock.now();
      ctx.body = (await orNotFound(
        b.on ? roomCodes.switchOn(code, who.actor, now) : roomCodes.switchOff(code, now),
      )) satisfies RoomCodeView;
    }),
  );
}

const listSchema = z.object({
  when: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['upcoming', 'past']).default('upcoming')),
  limit: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(1).max(200).default(50)),
});

const cancelSchema = z.object({ cancelReason: z.string().trim().min(1).max(200) }).strict();

/** 活动与会议: listings, one event's people, its list as a spreadsheet, and cancelling (office only). */
export function registerEventRoutes(router: Router, d: EventRoutesDeps): void {
  const { services, config, clock, guard } = d;
  const board = services.events.board;

  router.get(
    '/events',
    guard.office(async (ctx) => {
      const q = parseInput(listSchema, ctx.query);
      ctx.body = { when: q.when, items: await board.list(q.when, clock.now(), q.limit) } satisfies Sendable<EventList>;
    }),
  );

  // Before /events/:code: the export's path has one more part.
  router.get(
    '/events/:code/export.xlsx',
    guard.office(async (ctx) => {
      const b = await board.detail(eventCodeOf(ctx), clock.now());
      if (!b) throw notFound();
      await sendWorkbook(ctx, { ascii: `${b.code}-list`, utf8: eventListText.fileName(b.code, b.title) }, (out) =>
        writeEventList({ out, timezone: config.timezone, board: b }),
      );
    }),
  );

  // 取消活动 / 取消会议 from the console: the same service, the same notices; a repeat of this request is a replay.
  router.post(
    '/events/:code/cancel',
    guard.office(async (ctx, who) => {
      const code = eventCodeOf(ctx);
      const b = parseInput(cancelSchema, await jsonBody(ctx));
      const now = clock.now();
      const origin = `console:${who.actor.userid}:${code}:cancel`;
      const input = { code, reason: b.cancelReason, origin, now };
      if (code.startsWith('HD')) await orNotFound(services.events.activities.cancel(input));
      else await orNotFound(services.events.meetings.cancel(input));
      const after = await board.detail(code, now);
      if (!after) throw notFound();
      ctx.body = after satisfies Sendable<EventDetail>;
    }),
  );

  router.get(
    '/events/:code',
    guard.office(async (ctx) => {
      const b = await board.detail(eventCodeOf(ctx), clock.now());
      if (!b) throw notFound();
      ctx.body = b satisfies Sendable<EventDetail>;
    }),
  );
}
