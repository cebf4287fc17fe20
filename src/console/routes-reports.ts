import Router from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import type { Config } from '../../config';
import type { Clock } from '../clock';
import { t } from '../messages';
import type { Services } from '../services';
import { formulaText } from '../services/performance';
import { yearOf } from '../time/zone';
import { contentDisposition } from './routes-exports';
import { forbidden, notFound, parseInput, queryParam } from './errors';
import { clearCookie, type Guard, setCookie } from './session';
import type { ScoreTable, Sendable } from '../contracts';

export interface ReportRoutesDeps {
  services: Services;
  config: Config;
  clock: Clock;
  guard: Guard;
  secure: () => boolean;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
// Where a sign-in returns to: only a 述职 download, so the cookie cannot send anyone elsewhere.
const NEXT_COOKIE = 'console_next';
const NEXT_PATH = /^\/console\/reports\/[\w.%@-]+\/\d{4}\.docx$/;
const NEXT_MINUTES = 30;
const yearQuery = z.object({ year: queryParam(z.coerce.number().int().min(2000).max(2100).optional()) });

/** The download a sign-in was interrupted for (read once), else undefined. */
export function takeReturnPath(ctx: Context, secure: boolean): string | undefined {
  const next = ctx.cookies.get(NEXT_COOKIE);
  if (next === undefined) return undefined;
  clearCookie(ctx, NEXT_COOKIE, { secure, path: '/console' });
  return NEXT_PATH.test(next) ? next : undefined;
}

/**
 * The 述职 draft (.docx) of one deputy and year: the deputy themself or the office, nobody else.
 * `/api/console/reports/…` for the console's buttons; `/console/reports/…` is the link sent in chat, which
 * sends a browser without a session through sign-in first and comes back to the download.
 */
export function registerReportRoutes(api: Router, d: ReportRoutesDeps): Router {
  const download = d.guard.signedIn(async (ctx, who) => {
    const userid = String(ctx.params.userid);
    const year = /^(\d{4})\.docx$/.exec(String(ctx.params.file))?.[1];
    if (!year) throw notFound();
    if (who.role !== 'office' && who.actor.userid !== userid) throw forbidden();
    const report = await d.services.performance.reportFor(userid, Number(year));
    if (!report) throw notFound();
    ctx.type = DOCX;
    ctx.set('content-disposition', contentDisposition(`report-${year}.docx`, report.fileName));
    ctx.body = report.docx;
  });
  api.get('/reports/:userid/:file', download);

  // The office's table of the optional 履职积分: every deputy of the register, by quarter, with the formula.
  api.get(
    '/performance/scores',
    d.guard.office(async (ctx) => {
      const current = yearOf(d.clock.now(), d.config.timezone);
      const year = parseInput(yearQuery, ctx.query).year ?? current;
      const weights = d.config.performanceScore;
      if (!weights) {
        ctx.body = { enabled: false, year, note: t('performanceScoreOff') } satisfies Sendable<ScoreTable>;
        return;
      }
      const rows = (await d.services.performance.register(year)).map((e) => {
        const card = d.services.performance.scoreOf(e.record)!;
        return {
          userid: e.deputy.userid,
          name: e.deputy.name,
          quarters: card.quarters.map((q) => q.points),
          total: card.total,
        };
      });
      ctx.body = { enabled: true, year, formula: formulaText(weights), rows } satisfies Sendable<ScoreTable>;
    }),
  );

  const pages = new Router();
  pages.get('/console/reports/:userid/:file', async (ctx) => {
    if (await d.guard.sessionOf(ctx)) return download(ctx);
    if (NEXT_PATH.test(ctx.path))
      setCookie(ctx, NEXT_COOKIE, ctx.path, { maxAgeSeconds: NEXT_MINUTES * 60, secure: d.secure(), path: '/console' });
    ctx.set('cache-control', 'no-store');
    ctx.redirect('/console/?login=report');
  });
  return pages;
}
