import type Router from '@koa/router';
import { z } from 'zod';
import type { AppraisalOptions, BallotReminder, Sendable } from '../contracts';
import { yearOf } from '../time/zone';
import { parseInput } from './errors';
import { type BallotRoutesDeps, ballotCodeOf, ballotJson, openingFields, openingOf, requestId } from './routes-ballots';
import { jsonBody } from './session';

// 满意度测评 / 部门评议 (rating ballots) and 催投 in the console. Registered before the ballot routes: their paths
// (`/ballots/appraisal-options`) would otherwise be read as a ballot's code.

const requestSchema = z.object({ requestId }).strict();
const appraisalSchema = z
  .object({
    of: z.enum(['project', 'unit']),
    title: z.string().max(500).default(''),
    subjects: z.array(z.string().max(500)).max(200),
    ...openingFields,
  })
  .strict();

export function registerAppraisalRoutes(router: Router, d: BallotRoutesDeps): void {
  const { services, config, clock, guard } = d;
  const ballots = services.ballots;

  router.get(
    '/ballots/appraisal-options',
    guard.office(async (ctx) => {
      const year = yearOf(clock.now(), config.timezone);
      const projects = (await services.projects.ofYear(year)).map((p) => ({ code: p.code, title: p.title }));
      ctx.body = { projects, units: await services.opinions.knownUnits() } satisfies Sendable<AppraisalOptions>;
    }),
  );

  // 满意度测评 / 部门评议: the same ballot, its options ratings per subject.
  router.post(
    '/ballots/appraisals',
    guard.office(async (ctx, who) => {
      const b = parseInput(appraisalSchema, await jsonBody(ctx));
      const opened = await ballots.openAppraisal({
        of: b.of,
        title: b.title,
        subjects: b.subjects,
        ...openingOf(b, who, 'appraisal', d),
      });
      ctx.body = ballotJson(opened);
    }),
  );

  // 催投: privately to those who have not voted; the request id makes a retried click remind nobody twice.
  router.post(
    '/ballots/:code/remind',
    guard.office(async (ctx, who) => {
      const code = ballotCodeOf(ctx);
      const b = parseInput(requestSchema, await jsonBody(ctx));
      const r = await ballots.remind(code, `console:${who.actor.userid}:remind:${b.requestId}`, clock.now());
      ctx.body = {
        told: r.told,
        unreachable: r.unreachable,
        turnout: r.ballot.turnout,
        entitled: r.ballot.entitled,
      } satisfies Sendable<BallotReminder>;
    }),
  );
}
