import type Router from '@koa/router';
import { z } from 'zod';
import { t } from '../messages';
import { fromWallTime } from '../time/zone';
import { wallParts, wallTime } from './wall-time';
import { notFound, parseInput } from './errors';
import { type EventRoutesDeps, eventCodeOf } from './routes-events';
import { jsonBody } from './session';
import type { EventChanged, EventCreated, EventFormOptions, Sendable } from '../contracts';

// 活动与会议: create and edit from the console's form. The form's times are Beijing wall times
// (src/console/wall-time.ts); the service applies the chat's rules to them.

const fields = {
  startAt: wallTime('开始时间'),
  endAt: wallTime('结束时间').nullable().default(null),
  place: z.string().trim().min(1).max(100),
  capacity: z.number().int().min(1).max(99_999).nullable().default(null),
  signupDeadline: wallTime('报名截止').nullable().default(null),
  roomCode: z.boolean().default(false),
};

const createSchema = z
  .object({
    kind: z.enum(['activity', 'meeting']),
    title: z.string().trim().min(1).max(60),
    type: z.string().trim().max(20).optional(),
    /** Activities: the 民生实事 project inspected ('' for none). */
    project: z
      .string()
      .trim()
      .toUpperCase()
      .refine((c) => /^(SS\d{4}-\d{3,})?$/.test(c), { message: t('projectPickProject') })
      .optional(),
    ...fields,
    /** Made by the page per submission: a retried request returns the record the first one made. */
    requestId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  })
  .strict();

// Editing: a field left out stays as it is (an end, places, a deadline or the room code are not cleared by omission).
const editSchema = z
  .object({
    version: z.number().int().min(0),
    startAt: fields.startAt,
    place: fields.place,
    endAt: wallTime('结束时间').nullable().optional(),
    capacity: z.number().int().min(1).max(99_999).nullable().optional(),
    signupDeadline: wallTime('报名截止').nullable().optional(),
    roomCode: z.boolean().optional(),
  })
  .strict();

export function registerEventFormRoutes(router: Router, d: EventRoutesDeps): void {
  const { services, config, clock, guard } = d;
  const { forms, board } = services.events;
  const at = (s: string) => fromWallTime(wallParts(s)!, config.timezone);
  // undefined (left out) → unchanged, null → none, a wall time → that instant.
  const maybe = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : at(v));
  const formFields = (b: z.output<typeof editSchema> | z.output<typeof createSchema>) => ({
    at: { startAt: at(b.startAt), endAt: maybe(b.endAt) },
    place: b.place,
    capacity: b.capacity,
    deadline: maybe(b.signupDeadline),
    roomCode: b.roomCode,
  });
  const detail = async (code: string) => {
    const b = await board.detail(code, clock.now());
    if (!b) throw notFound();
    return b;
  };

  router.get(
    '/event-form',
    guard.office(async (ctx) => {
      ctx.body = (await forms.options(clock.now())) satisfies EventFormOptions;
    }),
  );

  // 发布活动 / 会议通知 from the form: the same service and announcement as the chat command.
  router.post(
    '/events',
    guard.office(async (ctx, who) => {
      const b = parseInput(createSchema, await jsonBody(ctx));
      const f = {
        kind: b.kind,
        title: b.title,
        type: b.type || undefined,
        project: b.kind === 'activity' ? b.project || undefined : undefined,
        ...formFields(b),
        roomCode: b.roomCode,
      };
      const origin = `console:${who.actor.userid}:${b.requestId}`;
      const r = await forms.create(f, who.actor, origin, clock.now());
      ctx.status = r.existed ? 200 : 201;
      ctx.body = { ...(await detail(r.code)), existed: r.existed } satisfies Sendable<EventCreated>;
    }),
  );

  // 修改活动 / 修改会议 from the form: only what differs is changed and named in the change notice.
  router.post(
    '/events/:code/change',
    guard.office(async (ctx, who) => {
      const code = eventCodeOf(ctx);
      const b = parseInput(editSchema, await jsonBody(ctx));
      const origin = `console:${who.actor.userid}:${code}:v${b.version}`;
      const input = { code, fields: formFields(b), version: b.version, actor: who.actor, origin, now: clock.now() };
      const r = await forms.edit(input);
      ctx.body = { ...(await detail(r.code)), changed: r.changed } satisfies Sendable<EventChanged>;
    }),
  );
}
