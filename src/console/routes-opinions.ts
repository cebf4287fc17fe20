import type Router from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import type { Config } from '../../config';
import type { Clock } from '../clock';
import type { Actor } from '../commands/types';
import { UserError } from '../errors';
import { t } from '../messages';
import { OPINION_SOURCES, OPINION_STATUSES } from '../contracts/labels';
import type { Services } from '../services';
import type { ActionInput, Opinion } from '../services/opinions';
import { versionOf } from '../services/opinions';
import { fromUserError, notFound, parseInput, queryParam } from './errors';
import { type Guard, jsonBody } from './session';
import { detailJson, rowJson } from './shape';
import type {
  AnswerPreview,
  Assigned,
  BatchResult,
  MyOpinionsPage,
  OpinionPage,
  Sendable,
  StepResult,
} from '../contracts';

export interface OpinionRoutesDeps {
  services: Services;
  config: Config;
  clock: Clock;
  guard: Guard;
}

const text = (max: number) => queryParam(z.string().trim().max(max).optional());

const statusList = z.preprocess(
  (v) =>
    v === undefined || v === ''
      ? undefined
      : (Array.isArray(v) ? v : [v])
          .flatMap((s) => String(s).split(/[,，]/))
          .map((s) => s.trim())
          .filter(Boolean),
  z.array(z.enum(OPINION_STATUSES)).max(OPINION_STATUSES.length).optional(),
);

/** The list filters; the filtered export takes the same ones. */
export const filterSchema = z.object({
  year: queryParam(z.coerce.number().int().min(2000).max(2100).optional()),
  status: statusList,
  category: text(20),
  unit: text(40),
  source: queryParam(z.enum(OPINION_SOURCES).optional()),
  filer: text(64),
  due: queryParam(z.enum(['overdue', 'soon']).optional()),
  q: text(100),
  fullText: queryParam(z.enum(['0', '1', 'true', 'false']).optional()),
});

const listSchema = filterSchema.extend({
  sort: queryParam(z.enum(['filedAt', 'code', 'deadline']).default('filedAt')),
  order: queryParam(z.enum(['asc', 'desc']).default('desc')),
  page: queryParam(z.coerce.number().int().min(1).max(100_000).default(1)),
  pageSize: queryParam(z.coerce.number().int().min(1).max(100).default(20)),
});

const version = z.number().int().min(0);
const deadlineChoice = {
  deadline: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  workdays: z.number().int().min(1).max(365).optional(),
};
const onlyOneDeadline = (b: { deadline?: string; workdays?: number }) => !(b.deadline && b.workdays !== undefined);
const assignSchema = z
  .object({ unit: z.string().trim().min(1).max(40), ...deadlineChoice, version })
  .refine(onlyOneDeadline, { message: t('formDeadlineOrWorkdays'), path: ['deadline'] });
// 改派 may keep the unit and only move the deadline, as in the chat.
const reassignSchema = z
  .object({ unit: z.string().trim().max(40).default(''), ...deadlineChoice, version })
  .refine(onlyOneDeadline, { message: t('formDeadlineOrWorkdays'), path: ['deadline'] });
const answerSchema = (max: number) => z.object({ text: z.string().trim().min(1).max(max), version });
const rejectSchema = (max: number) => z.object({ reason: z.string().trim().min(1).max(max), version });
const versionOnly = z.object({ version });
const categorySchema = z.object({ category: z.string().trim().min(1).max(20), version });
const previewSchema = (max: number) => z.object({ text: z.string().trim().max(max).default('') });
const batchSchema = (max: number) =>
  z
    .object({
      codes: z.array(z.string().trim().min(1).max(20)).min(1).max(max),
      unit: z.string().trim().min(1).max(40),
      ...deadlineChoice,
    })
    .refine(onlyOneDeadline, { message: t('formDeadlineOrWorkdays'), path: ['deadline'] });

const ACTIONS = ['assign', 'reassign', 'answer', 'close', 'reject', 'remind', 'category'] as const;
type Action = (typeof ACTIONS)[number];

/** What the service's deadline parser reads: the chat's own words for the same choice. */
function deadlineText(b: { deadline?: string; workdays?: number }): string | undefined {
  if (b.deadline) return b.deadline;
  if (b.workdays !== undefined) return `${b.workdays}个工作日`;
  return undefined;
}

export function registerOpinionRoutes(router: Router, d: OpinionRoutesDeps): void {
  const { services, config, clock, guard } = d;
  const opinions = services.opinions;
  const maxChars = config.tunables.opinion.maxChars;

  /** A code from the path, normalised as the chat does (`yj2026-7` → `YJ2026-007`). */
  const codeOf = (ctx: Context) => {
    try {
      return opinions.resolveCode(String(ctx.params.code ?? ''), clock.now(), '进度');
    } catch {
      throw notFound();
    }
  };

  async function detail(o: Opinion, viewer: { office: boolean; fullText: boolean }) {
    const [names, similar] = await Promise.all([
      services.roster.namesOf(o.cosigners ?? []),
      viewer.office ? opinions.similarTo(o) : Promise.resolve([]),
    ]);
    return detailJson(o, { names, similar, categories: Object.keys(config.categories), ...viewer }, clock.now());
  }

  /** The console's idempotency key: a retried request (same person, case, action, version) is a replay, not a second step. */
  const input = (actor: Actor, code: string, action: string, expectedVersion: number): ActionInput => ({
    actor,
    msgId: `console:${actor.userid}:${code}:${action}:v${expectedVersion}`,
    now: clock.now(),
    via: 'console',
    expectedVersion,
  });

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
        items: items.map((o) => rowJson(o, now)),
      } satisfies Sendable<OpinionPage>;
    }),
  );

  router.post(
    '/opinions/assign-batch',
    guard.office(async (ctx, who) => {
      const b = parseInput(batchSchema(config.tunables.console.maxBatch), await jsonBody(ctx));
      const done: string[] = [];
      const failed: Array<{ code: string; message: string }> = [];
      // One after another: each is its own guarded 交办 with its own notices; one refusal does not stop the rest.
      for (const typed of [...new Set(b.codes)]) {
        try {
          const code = opinions.resolveCode(typed, clock.now(), '交办');
          const current = await opinions.load(code);
          await opinions.assign(
            code,
            b.unit,
            deadlineText(b),
            input(who.actor, code, 'assign', versionOf(current)),
            'assign',
          );
          done.push(code);
        } catch (err) {
          if (!(err instanceof UserError)) throw err;
          failed.push({ code: typed, message: fromUserError(err).message });
        }
      }
      ctx.body = { done, failed } satisfies BatchResult;
    }),
  );

  router.get(
    '/opinions/:code',
    guard.office(async (ctx) => {
      ctx.body = await detail(await opinions.load(codeOf(ctx)), { office: true, fullText: true });
    }),
  );

  router.post(
    '/opinions/:code/answer-preview',
    guard.office(async (ctx) => {
      const b = parseInput(previewSchema(maxChars), await jsonBody(ctx));
      const o = await opinions.load(codeOf(ctx));
      ctx.body = { notice: opinions.answerNotice(o, b.text) } satisfies AnswerPreview;
    }),
  );

  router.post(
    '/opinions/:code/:action',
    guard.office(async (ctx, who) => {
      const action = String(ctx.params.action) as Action;
      if (!ACTIONS.includes(action)) throw notFound();
      const code = codeOf(ctx);
      const body = await jsonBody(ctx);
      const run = async (): Promise<{ opinion: Opinion; extra?: { assigned: Sendable<Assigned> } }> => {
        switch (action) {
          case 'assign':
          case 'reassign': {
            const b = parseInput(action === 'assign' ? assignSchema : reassignSchema, body);
            const r = await opinions.assign(
              code,
              b.unit,
              deadlineText(b),
              input(who.actor, code, action, b.version),
              action,
            );
            return {
              opinion: r.opinion,
              extra: {
                assigned: {
                  unit: r.unit,
                  deadline: r.deadline,
                  unitMatch: r.match.kind === 'matched' ? 'matched' : r.match.kind === 'new' ? 'new' : 'exact',
                  defaulted: r.defaulted,
                },
              },
            };
          }
          case 'answer': {
            const b = parseInput(answerSchema(maxChars), body);
            return {
              opinion: (await opinions.answer(code, b.text, input(who.actor, code, action, b.version))).opinion,
            };
          }
          case 'reject': {
            const b = parseInput(rejectSchema(maxChars), body);
            return { opinion: await opinions.reject(code, b.reason, input(who.actor, code, action, b.version)) };
          }
          case 'close':
            return {
              opinion: await opinions.close(
                code,
                input(who.actor, code, action, parseInput(versionOnly, body).version),
              ),
            };
          case 'remind':
            return {
              opinion: await opinions.remind(
                code,
                input(who.actor, code, action, parseInput(versionOnly, body).version),
              ),
            };
          case 'category': {
            const b = parseInput(categorySchema, body);
            // The choice is part of the key: another category picked on the same stale page is not a retry.
            const key = `${action}:${b.category}`;
            return { opinion: await opinions.recategorize(code, b.category, input(who.actor, code, key, b.version)) };
          }
        }
      };
      const r = await run();
      ctx.body = {
        ...(await detail(r.opinion, { office: true, fullText: true })),
        ...r.extra,
      } satisfies Sendable<StepResult>;
    }),
  );

  // -- a deputy's own cases (office staff see their own here too)
  router.get(
    '/me/opinions',
    guard.signedIn(async (ctx, who) => {
      const q = parseInput(
        z.object({ page: queryParam(z.coerce.number().int().min(1).max(10_000).default(1)) }),
        ctx.query,
      );
      const mine = await opinions.listMine(who.actor.userid, q.page, clock.now());
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
      const o = await opinions.load(codeOf(ctx));
      const mine = o.filer === who.actor.userid || (o.cosigners ?? []).includes(who.actor.userid);
      // Someone else's case does not exist as far as this page is concerned.
      if (!mine) throw notFound();
      // Co-signers see it masked: only the filer (and the office) see the constituent's numbers.
      ctx.body = await detail(o, { office: false, fullText: o.filer === who.actor.userid });
    }),
  );
}
