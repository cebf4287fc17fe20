import type Router from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import type { Config } from '../../config';
import type { Clock } from '../clock';
import type { Ballot, BallotDetail, BallotList, Sendable } from '../contracts';
import { ballotWords } from '../messages/exports';
import { projectSheetWords } from '../messages/projects';
import type { Services } from '../services';
import type { UnitRecord } from '../contracts';
import type { BallotResult, BallotView } from '../services/ballots';
import { writeAppraisalResults, writeBallotResults } from '../services/exports';
import { fromWallTime } from '../time/zone';
import { notFound, parseInput } from './errors';
import { sendWorkbook } from './routes-exports';
import type { ConsoleSessionView } from '../services/access';
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
/** The page's id for one click: a retried request opens or reminds nothing twice. */
export const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
/** What every ballot's opening form carries besides its own fields. */
export const openingFields = { deadline: wallTime('截止时间'), requestId };

/** Opening a ballot from the console: the deadline in the app's zone, who opens it, and the click's retry key. */
export function openingOf(
  b: { deadline: string; requestId: string },
  who: ConsoleSessionView,
  kind: 'ballot' | 'appraisal',
  d: Pick<BallotRoutesDeps, 'config' | 'clock'>,
) {
  return {
    deadline: fromWallTime(wallParts(b.deadline)!, d.config.timezone),
    actor: who.actor,
    origin: `console:${who.actor.userid}:${kind}:${b.requestId}`,
    now: d.clock.now(),
  };
}
// Generous bounds: the service's own limits decide (its refusals land on their fields: src/console/refusals.ts).
const openSchema = z
  .object({
    title: z.string().max(500),
    candidates: z.array(z.string().max(500)).max(200),
    choose: z.number().int().min(1).max(200),
    upTo: z.boolean().default(false),
    ...openingFields,
  })
  .strict();
const closeSchema = z.object({ announce: z.boolean().default(false) }).strict();
export const ballotJson = (b: BallotView): Sendable<Ballot> => ({
  ...b,
  closedAt: b.closedAt ?? null,
  announcedAt: b.announcedAt ?? null,
});

function detailJson(r: BallotResult, records: UnitRecord[]): Sendable<BallotDetail> {
  const ballot = ballotJson(r.ballot);
  if (r.state === 'open') return { state: 'open', ballot, notVoted: r.notVoted, records };
  if (r.state === 'rated')
    return { state: 'rated', ballot, ratings: { quorum: r.ratings.quorum, lines: r.ratings.lines }, records };
  return { state: 'closed', ballot, tally: { quorum: r.tally.quorum, lines: r.tally.lines } };
}

/** The ballot code in the path; anything else is 404. */
export function ballotCodeOf(ctx: Context): string {
  const code = String(ctx.params.code ?? '').toUpperCase();
  if (!CODE.test(code)) throw notFound();
  return code;
}

export function registerBallotRoutes(router: Router, d: BallotRoutesDeps): void {
  const { services, config, clock, guard } = d;
  const ballots = services.ballots;
  // The detail with a 部门评议's units' records beside it (read fresh: the opinions move all year).
  const detailOf = async (code: string, now: Date) => {
    const r = await ballots.result(code, now);
    return detailJson(r, await ballots.recordsOf(r.ballot, now));
  };

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
        ...openingOf(b, who, 'ballot', d),
      });
      ctx.body = ballotJson(opened);
    }),
  );

  router.get(
    '/ballots/:code',
    guard.office(async (ctx) => {
      ctx.body = await detailOf(ballotCodeOf(ctx), clock.now());
    }),
  );

  router.post(
    '/ballots/:code/close',
    guard.office(async (ctx, who) => {
      const code = ballotCodeOf(ctx);
      const b = parseInput(closeSchema, await jsonBody(ctx));
      const now = clock.now();
      await ballots.close(code, who.actor.userid, now);
      if (b.announce) await ballots.announce(code, now);
      ctx.body = await detailOf(code, now);
    }),
  );

  router.post(
    '/ballots/:code/announce',
    guard.office(async (ctx) => {
      const code = ballotCodeOf(ctx);
      const now = clock.now();
      await ballots.announce(code, now);
      ctx.body = await detailOf(code, now);
    }),
  );

  // Tallies only: the counts and the turnout, never who voted. Refused (409) while the ballot is open.
  router.get(
    '/ballots/:code/result.xlsx',
    guard.office(async (ctx) => {
      const code = ballotCodeOf(ctx);
      const result = await ballots.publicResult(code, clock.now());
      const tz = { timezone: config.timezone };
      if (result.state === 'rated') {
        const records = await ballots.recordsOf(result.ballot, clock.now());
        await sendWorkbook(ctx, { ascii: `appraisal-${code}`, utf8: projectSheetWords.appraisalFile(code) }, (out) =>
          writeAppraisalResults(tz, { out, results: [{ ...result, records }] }),
        );
        return;
      }
      await sendWorkbook(ctx, { ascii: `ballot-${code}`, utf8: ballotWords.fileName(code) }, (out) =>
        writeBallotResults(tz, { out, results: [result] }),
      );
    }),
  );
}
