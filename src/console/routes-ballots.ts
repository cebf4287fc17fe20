import type Router from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import type { Config } from '../../config';
import type { Clock } from '../clock';
import type { Ballot, BallotDetail, BallotList, Sendable } from '../contracts';
import { ballotWords } from '../messages/exports';
import type { Services } from '../services';
import type { BallotResult, BallotView } from '../services/ballots';
import { writeBallotResults } from '../services/exports';
import { fromWallTime } from '../time/zone';
import { notFound, parseInput } from './errors';
import { sendWorkbook } from './routes-exports';
import { type Guard, jsonBody } from './session';
import { wallParts, wallTime } from './wall-time';

// 票决 in the console (office only): list, open, turnout while open, the tally once closed, close, announce,
// and the result workbook. Deputies vote in the chat, one-to-one; nothing here shows who chose what.

export interface BallotRoutesDeps {
  services: Services;
  config: Config;
  clock: Clock;
  guard: Guard;
}

const CODE = /^PJ\d{4}-\d{3,}$/;
// Generous bounds: the service's own limits decide (its refusals land on their fields: src/console/refusals.ts).
const openSchema = z
  .object({
    title: z.string().max(500),
    candidates: z.array(z.string().max(500)).max(200),
    choose: z.number().int().min(1).max(200),
    upTo: z.boolean().default(false),
    deadline: wallTime('截止时间'),
    requestId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  })
  .strict();
const closeSchema = z.object({ announce: z.boolean().default(false) }).strict();

const ballotJson = (b: BallotView): Sendable<Ballot> => ({
  ...b,
  closedAt: b.closedAt ?? null,
  announcedAt: b.announcedAt ?? null,
});

const detailJson = (r: BallotResult): Sendable<BallotDetail> =>
  r.state === 'open'
    ? { state: 'open', ballot: ballotJson(r.ballot), notVoted: r.notVoted }
    : { state: 'closed', ballot: ballotJson(r.ballot), tally: { quorum: r.tally.quorum, lines: r.tally.lines } };

function codeOf(ctx: Context): string {
  const code = String(ctx.params.code ?? '').toUpperCase();
  if (!CODE.test(code)) throw notFound();
  return code;
}

export function registerBallotRoutes(router: Router, d: BallotRoutesDeps): void {
  const { services, config, clock, guard } = d;
  const ballots = services.ballots;

  router.get(
    '/ballots',
    guard.office(async (ctx) => {
      ctx.body = { items: (await ballots.list(clock.now())).map(ballotJson) } satisfies Sendable<BallotList>;
    }),
  );

  router.post(
    '/ballots',
    guard.office(async (ctx, who) => {
      const b = parseInput(openSchema, await jsonBody(ctx));
      const opened = await ballots.open({
        title: b.title,
        candidates: b.candidates,
        choose: b.choose,
        upTo: b.upTo,
        deadline: fromWallTime(wallParts(b.deadline)!, config.timezone),
        actor: who.actor,
        origin: `console:${who.actor.userid}:ballot:${b.requestId}`,
        now: clock.now(),
      });
      ctx.body = ballotJson(opened);
    }),
  );

  router.get(
    '/ballots/:code',
    guard.office(async (ctx) => {
      ctx.body = detailJson(await ballots.result(codeOf(ctx), clock.now()));
    }),
  );

  router.post(
    '/ballots/:code/close',
    guard.office(async (ctx, who) => {
      const code = codeOf(ctx);
      const b = parseInput(closeSchema, await jsonBody(ctx));
      const now = clock.now();
      await ballots.close(code, who.actor.userid, now);
      if (b.announce) await ballots.announce(code, now);
      ctx.body = detailJson(await ballots.result(code, now));
    }),
  );

  router.post(
    '/ballots/:code/announce',
    guard.office(async (ctx) => {
      const code = codeOf(ctx);
      const now = clock.now();
      await ballots.announce(code, now);
      ctx.body = detailJson(await ballots.result(code, now));
    }),
  );

  // Tallies only: the counts and the turnout, never who voted. Refused (409) while the ballot is open.
  router.get(
    '/ballots/:code/result.xlsx',
    guard.office(async (ctx) => {
      const code = codeOf(ctx);
      const result = await ballots.publicResult(code, clock.now());
      await sendWorkbook(ctx, { ascii: `ballot-${code}`, utf8: ballotWords.fileName(code) }, (out) =>
        writeBallotResults({ timezone: config.timezone }, { out, results: [result] }),
      );
    }),
  );
}
