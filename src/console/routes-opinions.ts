import type Router from '@koa/router';
import type { BatchResult, OpinionPage, Sendable } from '../contracts';
import { isRefusal } from '../refusals';
import { versionOf } from '../services/opinions';
import { ApiError, fromRefusal, parseInput } from './errors';
import { type OpinionKit, type OpinionRoutesDeps, opinionKit } from './opinion-kit';
import { batchSchema, deadlineOf, listSchema } from './opinion-inputs';
import { opinionCodeOf } from './opinion-code';
import { registerMyOpinionRoutes } from './routes-my-opinions';
import { registerOpinionCaseRoutes } from './routes-opinion-case';
import { jsonBody } from './session';
import { rowJson } from './shape';

/** 意见建议 in the console: the list and its batch 交办, one case and its steps, and a deputy's own cases. */
export function registerOpinionRoutes(router: Router, d: OpinionRoutesDeps): void {
  const kit = opinionKit(d);
  registerOpinionListRoutes(router, d, kit);
  registerOpinionCaseRoutes(router, d, kit);
  registerMyOpinionRoutes(router, d, kit);
}

function registerOpinionListRoutes(router: Router, d: OpinionRoutesDeps, kit: OpinionKit): void {
  const { config, clock, guard } = d;
  const { opinions, tz } = kit;

  router.get(
    '/opinions',
    guard.office(async (ctx) => {
      const q = parseInput(listSchema, ctx.query);
      const now = clock.now();
      const { total, items } = await opinions.search(q, now);
      ctx.body = {
        total,
        page: q.page,
        pageSize: q.pageSize,
        items: items.map((o) => rowJson(o, now, opinions.colourOf(o, now))),
      } satisfies Sendable<OpinionPage>;
    }),
  );

  router.post(
    '/opinions/assign-batch',
    guard.office(async (ctx, who) => {
      const b = parseInput(batchSchema(config.tunables.console.maxBatch), await jsonBody(ctx));
      const unit = (await kit.unitOf(b.unit, b.codes[0]!)).name;
      const deadline = deadlineOf(b, tz);
      const done: string[] = [];
      const failed: Array<{ code: string; message: string }> = [];
      // One after another: each is its own guarded 交办 with its own notices; one refusal does not stop the rest.
      for (const typed of [...new Set(b.codes)]) {
        try {
          const code = opinionCodeOf(typed, clock.now(), tz);
          const expectedVersion = versionOf(await opinions.load(code));
          await opinions.assign(
            { code, unit, deadline, expectedVersion },
            kit.input(who.actor, code, 'assign', expectedVersion),
          );
          done.push(code);
        } catch (err) {
          const e = isRefusal(err) ? fromRefusal(err, { timezone: tz, now: clock.now() }) : err;
          if (!(e instanceof ApiError)) throw err;
          failed.push({ code: typed, message: e.message });
        }
      }
      ctx.body = { done, failed } satisfies BatchResult;
    }),
  );
}
