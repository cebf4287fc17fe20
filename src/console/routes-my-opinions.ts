import type Router from '@koa/router';
import type { MyOpinionsPage } from '../contracts';
import { notFound, parseInput } from './errors';
import type { OpinionKit, OpinionRoutesDeps } from './opinion-kit';
import { myListSchema } from './opinion-inputs';

/** A deputy's own cases (office staff see their own here too). */
export function registerMyOpinionRoutes(router: Router, d: OpinionRoutesDeps, kit: OpinionKit): void {
  const { clock, guard } = d;

  router.get(
    '/me/opinions',
    guard.signedIn(async (ctx, who) => {
      const q = parseInput(myListSchema, ctx.query);
      const mine = await kit.opinions.listMine(who.actor.userid, q.page, clock.now());
      ctx.body = {
        total: mine.total,
        page: mine.page,
        pages: mine.pages,
        items: mine.items.map((i) => ({ ...i, daysOpen: i.daysOpen ?? null })),
      } satisfies MyOpinionsPage;
    }),
  );

  router.get(
    '/me/opinions/:code',
    guard.signedIn(async (ctx, who) => {
      const o = await kit.opinions.load(kit.codeOf(ctx));
      const mine = o.filer === who.actor.userid || (o.cosigners ?? []).includes(who.actor.userid);
      // Someone else's case does not exist as far as this page is concerned.
      if (!mine) throw notFound();
      // Co-signers see it masked: only the filer (and the office) see the constituent's numbers.
      ctx.body = await kit.detail(o, { office: false, fullText: o.filer === who.actor.userid });
    }),
  );
}
