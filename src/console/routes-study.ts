import type Router from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import type { Clock } from '../clock';
import type { Services } from '../services';
import type { QueuedStudyItem, StudyProgress } from '../services/bulletins';
import { notFound, parseInput } from './errors';
import { type Guard, jsonBody } from './session';
import type {
  PushedStudyItem,
  QueuedStudyItem as QueuedStudyItemJson,
  Sendable,
  StudyAdded,
  StudyOverview,
  StudyQueue,
} from '../contracts';

export interface StudyRoutesDeps {
  services: Services;
  clock: Clock;
  guard: Guard;
}

const CODE = /^XX\d{4}-\d{3,}$/;
// Generous bounds: the service's own limits decide (its refusals land on their fields: src/console/refusals.ts).
const fields = {
  title: z.string().max(500),
  link: z.string().trim().max(2000).optional(),
  note: z.string().max(5000).optional(),
};
const addSchema = z.object({ ...fields, requestId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/) }).strict();
const editSchema = z.object({ ...fields, version: z.number().int().min(0) }).strict();
const removeSchema = z.object({ version: z.number().int().min(0) }).strict();
const orderSchema = z
  .object({ queue: z.array(z.string().regex(CODE)).max(500), version: z.number().int().min(0) })
  .strict();

function codeOf(ctx: Context): string {
  const code = String(ctx.params.code ?? '').toUpperCase();
  if (!CODE.test(code)) throw notFound();
  return code;
}

const queuedJson = (i: QueuedStudyItem): Sendable<QueuedStudyItemJson> => ({
  code: i.code,
  title: i.title,
  link: i.link ?? null,
  note: i.note ?? null,
  createdAt: i.createdAt,
  position: i.position,
  version: i.version,
});
const progressJson = (i: StudyProgress): Sendable<PushedStudyItem> => ({
  code: i.code,
  title: i.title,
  link: i.link ?? null,
  note: i.note ?? null,
  pushedAt: i.pushedAt ?? null,
  learned: i.learned,
  notLearned: i.notLearned,
});

/** 学习资料: the push queue (add, reorder, edit, remove) and who has studied each pushed item — the chat's service. */
export function registerStudyRoutes(router: Router, d: StudyRoutesDeps): void {
  const { services, clock, guard } = d;
  const study = services.study;
  const queueJson = async () => {
    const q = await study.queue();
    return { version: q.version, items: q.items.map(queuedJson) };
  };

  router.get(
    '/study',
    guard.office(async (ctx) => {
      const [queue, pushed] = await Promise.all([queueJson(), study.progress()]);
      ctx.body = {
        queue,
        pushed: { deputies: pushed.deputies, items: pushed.items.map(progressJson) },
      } satisfies Sendable<StudyOverview>;
    }),
  );

  router.post(
    '/study',
    guard.office(async (ctx, who) => {
      const b = parseInput(addSchema, await jsonBody(ctx));
      const { item, position } = await study.add({
        actor: who.actor,
        title: b.title,
        link: b.link || undefined,
        note: b.note,
        msgId: `console:${who.actor.userid}:study:${b.requestId}`,
        now: clock.now(),
      });
      ctx.body = { code: item.code, title: item.title, position } satisfies StudyAdded;
    }),
  );

  router.post(
    '/study/queue/order',
    guard.office(async (ctx, who) => {
      const b = parseInput(orderSchema, await jsonBody(ctx));
      const q = await study.reorder({ codes: b.queue, version: b.version, actor: who.actor, now: clock.now() });
      ctx.body = { version: q.version, items: q.items.map(queuedJson) } satisfies Sendable<StudyQueue>;
    }),
  );

  router.put(
    '/study/:code',
    guard.office(async (ctx) => {
      const code = codeOf(ctx);
      const b = parseInput(editSchema, await jsonBody(ctx));
      const item = await study.edit({
        code,
        version: b.version,
        title: b.title,
        link: b.link || undefined,
        note: b.note,
      });
      ctx.body = queuedJson(item);
    }),
  );

  router.post(
    '/study/:code/remove',
    guard.office(async (ctx) => {
      const code = codeOf(ctx);
      const b = parseInput(removeSchema, await jsonBody(ctx));
      await study.remove({ code, version: b.version });
      ctx.body = await queueJson();
    }),
  );
}
