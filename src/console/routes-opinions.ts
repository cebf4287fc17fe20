import type Router from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import type { Config } from '../../config';
import type { Clock } from '../clock';
import type { Actor } from '../commands/types';
import { t } from '../messages';
import { consoleFieldLabels } from '../messages/console';
import { CASE_ACTIONS, COLOURS, DUE_FILTERS, OPINION_SOURCES, OPINION_STATUSES, RESOLUTIONS } from '../contracts';
import { isRefusal } from '../refusals';
import type { Services } from '../services';
import type { ActionInput, DeadlineChoice, Opinion } from '../services/opinions';
import { versionOf } from '../services/opinions';
import { pickUnit } from '../text/unit-match';
import { endOfYmd } from '../time/workdays';
import { ApiError, fromRefusal, notFound, parseInput, queryParam } from './errors';
import { opinionCodeOf } from './opinion-code';
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
  due: queryParam(z.enum(DUE_FILTERS).optional()),
  colour: queryParam(z.enum(COLOURS).optional()),
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
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A real calendar day (2026-02-30 is not one). */
const isDay = (s: string) => {
  const m = ISO_DAY.exec(s);
  // Not the shape at all: the regex has said so already.
  if (!m) return true;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
};
const deadlineChoice = {
  deadline: z
    .string()
    .trim()
    .regex(ISO_DAY)
    .refine(isDay, { message: t('formDate', { label: consoleFieldLabels.deadline ?? 'deadline' }) })
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
const answerSchema = (max: number) =>
  z.object({
    text: z.string().trim().min(1).max(max),
    resolution: z.enum(RESOLUTIONS),
    version,
  });
const rejectSchema = (max: number) => z.object({ reason: z.string().trim().min(1).max(max), version });
const versionOnly = z.object({ version });
const reviewSchema = z.object({ approve: z.boolean(), reason: z.string().trim().max(500).optional(), version });
const categorySchema = z.object({ category: z.string().trim().min(1).max(20), version });
const previewSchema = (max: number) =>
  z.object({ text: z.string().trim().max(max).default(''), resolution: z.enum(RESOLUTIONS).optional() });
const batchSchema = (max: number) =>
  z
    .object({
      codes: z.array(z.string().trim().min(1).max(20)).min(1).max(max),
      unit: z.string().trim().min(1).max(40),
      ...deadlineChoice,
    })
    .refine(onlyOneDeadline, { message: t('formDeadlineOrWorkdays'), path: ['deadline'] });

// 跟踪: a day (the form's date) or working days, not both; 重办: the reason.
const followUpSchema = z
  .object({ ...deadlineChoice, version })
  .refine((b) => onlyOneDeadline(b) && (b.deadline !== undefined || b.workdays !== undefined), {
    message: t('formDeadlineOrWorkdays'),
    path: ['deadline'],
  });
// The case page's steps (the contract's) and 改类别.
const ACTIONS = [...CASE_ACTIONS, 'category'] as const;
type Action = (typeof ACTIONS)[number];

/** The form's choice as the service takes it: a day (its end, in the app's zone), working days, or the default. */
function deadlineOf(b: { deadline?: string; workdays?: number }, tz: string): DeadlineChoice {
  if (b.deadline) {
    const [, year, month, day] = ISO_DAY.exec(b.deadline)!.map(Number) as [number, number, number, number];
    return { date: endOfYmd({ year, month, day }, tz) };
  }
  if (b.workdays !== undefined) return { workdays: b.workdays };
  return 'default';
}

export function registerOpinionRoutes(router: Router, d: OpinionRoutesDeps): void {
  const { services, config, clock, guard } = d;
  const opinions = services.opinions;
  const maxChars = config.tunables.opinion.maxChars;
  const tz = config.timezone;

  /** A code from the path, normalised as the chat does (`yj2026-7` → `YJ2026-007`). */
  const codeOf = (ctx: Context) => opinionCodeOf(ctx.params.code, clock.now(), tz);
  /** The unit typed in the form, matched against known ones as in the chat (abbreviations, typos). */
  const unitOf = async (typed: string, code: string) => pickUnit(typed, await opinions.knownUnits(), code);

  async function detail(o: Opinion, viewer: { office: boolean; fullText: boolean }) {
    const [names, similar] = await Promise.all([
      services.roster.namesOf(o.cosigners ?? []),
      viewer.office ? opinions.similarTo(o) : Promise.resolve([]),
    ]);
    const now = clock.now();
    const colour = opinions.colourOf(o, now);
    return detailJson(o, { names, similar, categories: Object.keys(config.categories), colour, ...viewer }, now);
  }

  /** The console's idempotency key: a retried request (same person, case, action, version) is a replay, not a second step. */
  const input = (actor: Actor, code: string, action: string, expectedVersion: number): ActionInput => ({
    actor,
    msgId: `console:${actor.userid}:${code}:${action}:v${expectedVersion}`,
    now: clock.now(),
    via: 'console',
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
        items: items.map((o) => rowJson(o, now, opinions.colourOf(o, now))),
      } satisfies Sendable<OpinionPage>;
    }),
  );

  router.post(
    '/opinions/assign-batch',
    guard.office(async (ctx, who) => {
      const b = parseInput(batchSchema(config.tunables.console.maxBatch), await jsonBody(ctx));
      const unit = (await unitOf(b.unit, b.codes[0]!)).name;
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
            input(who.actor, code, 'assign', expectedVersion),
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
      ctx.body = { notice: opinions.answerNotice(o, b.text, b.resolution) } satisfies AnswerPreview;
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
            const match = b.unit ? await unitOf(b.unit, code) : undefined;
            const typed = { code, deadline: deadlineOf(b, tz), expectedVersion: b.version };
            const step = input(who.actor, code, action, b.version);
            const r =
              action === 'assign'
                ? await opinions.assign({ ...typed, unit: match?.name ?? '' }, step)
                : await opinions.reassign({ ...typed, unit: match?.name }, step);
            return {
              opinion: r.opinion,
              extra: {
                assigned: {
                  unit: r.unit,
                  deadline: r.deadline,
                  unitMatch: match?.kind === 'matched' ? 'matched' : match?.kind === 'new' ? 'new' : 'exact',
                  defaulted: r.defaulted,
                },
              },
            };
          }
          case 'answer': {
            const b = parseInput(answerSchema(maxChars), body);
            const step = input(who.actor, code, action, b.version);
            return {
              opinion: (
                await opinions.answer(
                  { code, text: b.text, resolution: b.resolution, expectedVersion: b.version },
                  step,
                )
              ).opinion,
            };
          }
          case 'reject': {
            const b = parseInput(rejectSchema(maxChars), body);
            const step = input(who.actor, code, action, b.version);
            return { opinion: await opinions.reject({ code, reason: b.reason, expectedVersion: b.version }, step) };
          }
          case 'close':
          case 'remind': {
            const { version: expectedVersion } = parseInput(versionOnly, body);
            const step = input(who.actor, code, action, expectedVersion);
            return { opinion: await opinions[action]({ code, expectedVersion }, step) };
          }
          case 'followUp': {
            const b = parseInput(followUpSchema, body);
            // The day is part of the key: another day chosen on the same stale page is not a retry.
            const step = input(who.actor, code, `${action}:${b.deadline ?? `${b.workdays}wd`}`, b.version);
            const date = deadlineOf(b, tz);
            if (date === 'default') throw new Error('followUpSchema lets no empty date through');
            return { opinion: await opinions.followUp({ code, date, expectedVersion: b.version }, step) };
          }
          case 'reopen': {
            const b = parseInput(rejectSchema(maxChars), body);
            const step = input(who.actor, code, action, b.version);
            return { opinion: await opinions.reopen({ code, reason: b.reason, expectedVersion: b.version }, step) };
          }
          case 'review': {
            const b = parseInput(reviewSchema, body);
            const step = input(who.actor, code, `${action}:${b.approve ? 'approve' : 'return'}`, b.version);
            const decision = b.approve
              ? ({ approve: true } as const)
              : ({ approve: false, reason: b.reason ?? '' } as const);
            return {
              opinion: (await opinions.review({ code, expectedVersion: b.version, ...decision }, step)).opinion,
            };
          }
          case 'category': {
            const b = parseInput(categorySchema, body);
            // The choice is part of the key: another category picked on the same stale page is not a retry.
            const step = input(who.actor, code, `${action}:${b.category}`, b.version);
            const typed = { code, category: b.category, expectedVersion: b.version };
            return { opinion: await opinions.recategorize(typed, step) };
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
