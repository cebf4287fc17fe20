import type Router from '@koa/router';
import type { Actor } from '../commands/types';
import type { AnswerPreview, Assigned, Sendable, StepResult } from '../contracts';
import type { Opinion } from '../services/opinions';
import { notFound, parseInput } from './errors';
import { type OpinionKit, type OpinionRoutesDeps } from './opinion-kit';
import {
  ACTIONS,
  type Action,
  answerSchema,
  assignSchema,
  categorySchema,
  deadlineOf,
  followUpSchema,
  previewSchema,
  reasonSchema,
  reassignSchema,
  reviewSchema,
  versionOnly,
} from './opinion-inputs';
import { jsonBody } from './session';

// One case in the console: its detail, the answer's preview, and the case page's steps (`POST /opinions/:code/:action`,
// one entry of STEPS per action). A step validates its body, calls the use case with the version the page read, and
// answers with the case as it is now.

interface StepCall {
  kit: OpinionKit;
  maxChars: number;
  code: string;
  body: unknown;
  actor: Actor;
}
interface Stepped {
  opinion: Opinion;
  extra?: { assigned: Sendable<Assigned> };
}

/** The step's idempotency key (`key` may carry the choice: another choice on the same stale page is not a retry). */
const keyOf = (s: StepCall, key: string, version: number) => s.kit.input(s.actor, s.code, key, version);

async function assignStep(s: StepCall, action: 'assign' | 'reassign'): Promise<Stepped> {
  const { opinions, tz, unitOf } = s.kit;
  const b = parseInput(action === 'assign' ? assignSchema : reassignSchema, s.body);
  const match = b.unit ? await unitOf(b.unit, s.code) : undefined;
  const typed = { code: s.code, deadline: deadlineOf(b, tz), expectedVersion: b.version };
  const step = keyOf(s, action, b.version);
  const r =
    action === 'assign'
      ? await opinions.assign({ ...typed, unit: match?.name ?? '' }, step)
      : await opinions.reassign({ ...typed, unit: match?.name }, step);
  const unitMatch = match?.kind === 'matched' ? 'matched' : match?.kind === 'new' ? 'new' : 'exact';
  return {
    opinion: r.opinion,
    extra: { assigned: { unit: r.unit, deadline: r.deadline, unitMatch, defaulted: r.defaulted } },
  };
}

async function versionOnlyStep(s: StepCall, action: 'close' | 'remind'): Promise<Stepped> {
  const { version: expectedVersion } = parseInput(versionOnly, s.body);
  const opinion = await s.kit.opinions[action]({ code: s.code, expectedVersion }, keyOf(s, action, expectedVersion));
  return { opinion };
}

async function reasonStep(s: StepCall, action: 'reject' | 'reopen'): Promise<Stepped> {
  const b = parseInput(reasonSchema(s.maxChars), s.body);
  const typed = { code: s.code, reason: b.reason, expectedVersion: b.version };
  return { opinion: await s.kit.opinions[action](typed, keyOf(s, action, b.version)) };
}

const STEPS: Record<Action, (s: StepCall) => Promise<Stepped>> = {
  assign: (s) => assignStep(s, 'assign'),
  reassign: (s) => assignStep(s, 'reassign'),
  answer: async (s) => {
    const b = parseInput(answerSchema(s.maxChars), s.body);
    const typed = { code: s.code, text: b.text, resolution: b.resolution, expectedVersion: b.version };
    return { opinion: (await s.kit.opinions.answer(typed, keyOf(s, 'answer', b.version))).opinion };
  },
  reject: (s) => reasonStep(s, 'reject'),
  close: (s) => versionOnlyStep(s, 'close'),
  remind: (s) => versionOnlyStep(s, 'remind'),
  followUp: async (s) => {
    const b = parseInput(followUpSchema, s.body);
    // The day is part of the key: another day chosen on the same stale page is not a retry.
    const step = keyOf(s, `followUp:${b.deadline ?? `${b.workdays}wd`}`, b.version);
    const date = deadlineOf(b, s.kit.tz);
    if (date === 'default') throw new Error('followUpSchema lets no empty date through');
    return { opinion: await s.kit.opinions.followUp({ code: s.code, date, expectedVersion: b.version }, step) };
  },
  reopen: (s) => reasonStep(s, 'reopen'),
  review: async (s) => {
    const b = parseInput(reviewSchema, s.body);
    const step = keyOf(s, `review:${b.approve ? 'approve' : 'return'}`, b.version);
    const decision = b.approve ? ({ approve: true } as const) : ({ approve: false, reason: b.reason ?? '' } as const);
    const typed = { code: s.code, expectedVersion: b.version, ...decision };
    return { opinion: (await s.kit.opinions.review(typed, step)).opinion };
  },
  category: async (s) => {
    const b = parseInput(categorySchema, s.body);
    // The choice is part of the key: another category picked on the same stale page is not a retry.
    const step = keyOf(s, `category:${b.category}`, b.version);
    const typed = { code: s.code, category: b.category, expectedVersion: b.version };
    return { opinion: await s.kit.opinions.recategorize(typed, step) };
  },
};

export function registerOpinionCaseRoutes(router: Router, d: OpinionRoutesDeps, kit: OpinionKit): void {
  const maxChars = d.config.tunables.opinion.maxChars;

  router.get(
    '/opinions/:code',
    d.guard.office(async (ctx) => {
      ctx.body = await kit.detail(await kit.opinions.load(kit.codeOf(ctx)), { office: true, fullText: true });
    }),
  );

  router.post(
    '/opinions/:code/answer-preview',
    d.guard.office(async (ctx) => {
      const b = parseInput(previewSchema(maxChars), await jsonBody(ctx));
      const o = await kit.opinions.load(kit.codeOf(ctx));
      ctx.body = { notice: kit.opinions.answerNotice(o, b.text, b.resolution) } satisfies AnswerPreview;
    }),
  );

  // After the preview: `answer-preview` is not a step.
  router.post(
    '/opinions/:code/:action',
    d.guard.office(async (ctx, who) => {
      const action = String(ctx.params.action) as Action;
      if (!ACTIONS.includes(action)) throw notFound();
      const code = kit.codeOf(ctx);
      const body = await jsonBody(ctx);
      const r = await STEPS[action]({ kit, maxChars, code, body, actor: who.actor });
      ctx.body = {
        ...(await kit.detail(r.opinion, { office: true, fullText: true })),
        ...r.extra,
      } satisfies Sendable<StepResult>;
    }),
  );
}
