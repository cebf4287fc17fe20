import Router from '@koa/router';
import type { Context } from 'koa';
import type { Services } from '../services';
import { contentDisposition } from './routes-exports';
import { forbidden, notFound } from './errors';
import { clearCookie, type Guard, setCookie } from './session';

export interface ReportRoutesDeps {
  services: Services;
  guard: Guard;
  secure: () => boolean;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
// Where a sign-in returns to: only a 述职 download, so the cookie cannot send anyone elsewhere.
const NEXT_COOKIE = 'console_next';
const NEXT_PATH = /^\/console\/reports\/[\w.%@-]+\/\d{4}\.docx$/;
const NEXT_MINUTES = 30;

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
