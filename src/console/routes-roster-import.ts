import type Router from '@koa/router';
import type { Context } from 'koa';
import getRawBody from 'raw-body';
import { z } from 'zod';
import { t } from '../messages';
import { neutralizeFormula } from '../text/spreadsheet';
import { type ImportPlan, sheetProblemText } from '../services/roster';
import { invalid, parseInput, queryParam } from './errors';
import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { Services } from '../services';
import type { Guard } from './session';
import type { ImportPlan as ImportPlanJson } from '../contracts';

// 代表名册's file import: the template, a preview of what a file would change, and applying it (the same import
// engine as `npm run roster:import`).

const MAX_FILE_BYTES = 2 * 1024 * 1024;
const TEMPLATE_HEADER = ['企业微信账号', '姓名', '层级', '专业小组', '联络站', '选区', '手机', '任期开始', '任期结束'];

const importQuery = z.object({
  file: queryParam(z.string().trim().min(1).max(200)),
  deactivateMissing: queryParam(z.enum(['0', '1']).default('0')),
});
const iso = (v: string | boolean | Date | undefined) => (v instanceof Date ? v.toISOString() : (v ?? null));
/** A file's value shown back on the page: a clerk may paste the preview into a spreadsheet, where `=…` would run. */
const echoed = (v: string | boolean | Date | undefined) => (typeof v === 'string' ? neutralizeFormula(v) : iso(v));

/** The plan as the page shows it: exactly what an apply would write, or the rows that stop it. */
function planJson(plan: ImportPlan): ImportPlanJson {
  const row = (r: ImportPlan['added'][number]) => ({
    row: r.row,
    userid: r.userid,
    name: r.name,
    changes: r.changes.map((c) => ({ field: c.field, from: echoed(c.from), to: echoed(c.to) })),
  });
  const person = (d: { userid: string; name: string }) => ({ userid: d.userid, name: d.name });
  return {
    ok: plan.errors.length === 0,
    errors: plan.errors,
    added: plan.added.map(row),
    changed: plan.changed.map(row),
    unchanged: plan.unchanged,
    deactivate: plan.deactivate.map(person),
    missingKept: plan.missingKept.map(person),
    officeKept: plan.officeKept.map(person),
  };
}

export interface RosterRoutesDeps {
  services: Services;
  config: Config;
  guard: Guard;
  log: Logger;
}

export function registerRosterImportRoutes(router: Router, d: RosterRoutesDeps): void {
  const { services, config, guard, log } = d;

  async function readFile(ctx: Context): Promise<ImportPlan> {
    const q = parseInput(importQuery, ctx.query);
    let data: Buffer;
    try {
      data = await getRawBody(ctx.req, { limit: MAX_FILE_BYTES });
    } catch {
      return invalid({ file: t('rosterFileTooBig') });
    }
    // Parsed in a worker: the log says when, so a slow file is seen for what it is.
    log.info({ file: q.file, bytes: data.length }, 'roster file received, reading it off the event loop');
    const read = await services.rosterUpload.plan(data, q.file, { deactivateMissing: q.deactivateMissing === '1' });
    if (!read.ok) return invalid({ file: sheetProblemText(read, config.tunables.rosterFile) });
    return read.plan;
  }

  router.get(
    '/roster/template.csv',
    guard.office(async (ctx) => {
      ctx.set('content-type', 'text/csv; charset=utf-8');
      ctx.set(
        'content-disposition',
        `attachment; filename="roster-template.csv"; filename*=UTF-8''${encodeURIComponent('代表名册模板.csv')}`,
      );
      // A BOM so Excel opens the Chinese headers as UTF-8.
      ctx.body = `\uFEFF${TEMPLATE_HEADER.join(',')}\nzhangsan,张三,镇级,,第一联络站,第一选区,13800000000,2026-01-01,2030-12-31\n`;
    }),
  );

  router.post(
    '/roster/import/preview',
    guard.office(async (ctx) => {
      ctx.body = planJson(await readFile(ctx));
    }),
  );

  router.post(
    '/roster/import/apply',
    guard.office(async (ctx) => {
      // The file is read and checked again: what is written is what this file says now, never a stale preview.
      const plan = await readFile(ctx);
      if (plan.errors.length) {
        ctx.status = 400;
        ctx.body = { error: { code: 'refused', message: t('rosterImportHasErrors'), plan: planJson(plan) } };
        return;
      }
      const applied = await services.rosterUpload.apply(plan);
      ctx.body = { ...planJson(plan), applied } satisfies ImportPlanJson;
    }),
  );
}
