import type Router from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import type { Config } from '../../config';
import type { Clock } from '../clock';
import type { Project, ProjectAdoptOptions, ProjectAdopted, ProjectDetail, ProjectList, Sendable } from '../contracts';
import { t } from '../messages';
import { projectSheetWords } from '../messages/projects';
import type { Services } from '../services';
import { writeProjectsWorkbook } from '../services/exports';
import type { ProjectView } from '../services/projects';
import { dayKey, fromWallTime, yearOf } from '../time/zone';
import { notFound, parseInput } from './errors';
import { sendWorkbook } from './routes-exports';
import { type Guard, jsonBody } from './session';
import { dayParts, wallDay } from './wall-time';

// 民生实事 in the console (office only): the year's projects, one with its milestones, progress and inspections;
// 立项 from a closed 票决, the edit form (unit, milestones, state), progress (optionally to the group), the workbook.

export interface ProjectRoutesDeps {
  services: Services;
  config: Config;
  clock: Clock;
  guard: Guard;
}

const CODE = /^SS\d{4}-\d{3,}$/;
const BALLOT = /^PJ\d{4}-\d{3,}$/;
// Generous bounds: the service's own limits decide (its refusals land on their fields).
const milestones = z.array(z.object({ due: wallDay('里程碑日期'), text: z.string().max(1000) }).strict()).max(200);
const adoptSchema = z
  .object({
    ballotCode: z.string().refine((c) => BALLOT.test(c), { message: t('projectPickBallot') }),
    candidate: z.number().int().min(1).max(200).nullable().default(null),
    unit: z.string().max(500).default(''),
    milestones: milestones.default([]),
  })
  .strict();
const editSchema = z
  .object({
    version: z.number().int().min(0),
    unit: z.string().max(500),
    milestones,
    state: z.enum(['underway', 'done']),
  })
  .strict();
const progressSchema = z
  .object({
    text: z.string().max(5000),
    push: z.boolean().default(false),
    requestId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  })
  .strict();
const yearSchema = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

function codeOf(ctx: Context): string {
  const code = String(ctx.params.code ?? '').toUpperCase();
  if (!CODE.test(code)) throw notFound();
  return code;
}

/** How the routes shape a project (progress authors by name, milestones as days) and read their input. */
function projectShapes(d: ProjectRoutesDeps) {
  const { services, config, clock } = d;
  const { projects } = services;
  const tz = config.timezone;
  const noon = (day: string) => fromWallTime({ ...dayParts(day)!, hour: 12 }, tz);
  const toMilestones = (list: Array<{ due: string; text: string }>) =>
    list.map((m) => ({ due: noon(m.due), text: m.text }));

  async function projectJson(p: ProjectView): Promise<Sendable<Project>> {
    const names = await services.roster.namesOf([...new Set(p.progress.map((e) => e.by))]);
    return {
      ...p,
      doneAt: p.doneAt ?? null,
      milestones: p.milestones.map((m) => ({ due: dayKey(m.due, tz), text: m.text })),
      progress: p.progress.map((e) => ({ ...e, by: { userid: e.by, name: names.get(e.by) ?? e.by } })),
    };
  }
  const detailOf = async (code: string): Promise<Sendable<ProjectDetail>> => {
    const r = await projects.detail(code);
    return { project: await projectJson(r.project), inspections: r.inspections };
  };
  const yearAsked = (ctx: Context) => parseInput(yearSchema, ctx.query).year ?? yearOf(clock.now(), tz);

  return { tz, toMilestones, projectJson, detailOf, yearAsked };
}

export function registerProjectRoutes(router: Router, d: ProjectRoutesDeps): void {
  registerProjectReads(router, d);
  registerProjectWrites(router, d);
}

/** The year's list, what 立项 offers, the workbook, one project. */
function registerProjectReads(router: Router, d: ProjectRoutesDeps): void {
  const { services, clock, guard } = d;
  const { projects } = services;
  const { tz, projectJson, detailOf, yearAsked } = projectShapes(d);

  router.get(
    '/projects',
    guard.office(async (ctx) => {
      const year = yearAsked(ctx);
      const items = await Promise.all(
        (await projects.list(year)).map(async (p) => ({ ...(await projectJson(p)), inspections: p.inspections })),
      );
      ctx.body = { year, items } satisfies Sendable<ProjectList>;
    }),
  );

  router.get(
    '/projects/adopt-options',
    guard.office(async (ctx) => {
      const now = clock.now();
      const closed = await services.ballots.closedOfYear(yearOf(now, tz), now);
      const ballots = closed.flatMap((r) =>
        r.state === 'closed'
          ? [
              {
                code: r.ballot.code,
                title: r.ballot.title,
                candidates: r.tally.lines.map(({ n, name, chosen, tied }) => ({ n, name, chosen, tied })),
              },
            ]
          : [],
      );
      ctx.body = { ballots, units: await services.opinions.knownUnits() } satisfies Sendable<ProjectAdoptOptions>;
    }),
  );

  router.get(
    '/projects/workbook.xlsx',
    guard.office(async (ctx) => {
      const year = yearAsked(ctx);
      const list = await projects.ofYear(year);
      const name = projectSheetWords.projectsFile(year);
      await sendWorkbook(ctx, { ascii: `projects-${year}`, utf8: name }, (out) =>
        writeProjectsWorkbook({ timezone: tz }, { out, projects: list }),
      );
    }),
  );

  router.get(
    '/projects/:code',
    guard.office(async (ctx) => {
      ctx.body = await detailOf(codeOf(ctx));
    }),
  );
}

/** 立项, the edit form, progress. */
function registerProjectWrites(router: Router, d: ProjectRoutesDeps): void {
  const { clock, guard } = d;
  const { projects } = d.services;
  const { toMilestones, projectJson, detailOf } = projectShapes(d);

  // 立项: the same service as the chat's; a candidate adopted before comes back as it is.
  router.post(
    '/projects',
    guard.office(async (ctx, who) => {
      const b = parseInput(adoptSchema, await jsonBody(ctx));
      const adopted = await projects.adopt({
        ballotCode: b.ballotCode,
        candidate: b.candidate ?? undefined,
        unit: b.unit,
        milestones: toMilestones(b.milestones),
        actor: who.actor,
        now: clock.now(),
      });
      const items = await Promise.all(
        adopted.map(async (a) => ({ project: await projectJson(a.project), existed: a.existed })),
      );
      ctx.body = { items } satisfies Sendable<ProjectAdopted>;
    }),
  );

  router.post(
    '/projects/:code',
    guard.office(async (ctx) => {
      const code = codeOf(ctx);
      const b = parseInput(editSchema, await jsonBody(ctx));
      const now = clock.now();
      await projects.edit({
        code,
        version: b.version,
        unit: b.unit,
        milestones: toMilestones(b.milestones),
        state: b.state,
        now,
      });
      ctx.body = await detailOf(code);
    }),
  );

  router.post(
    '/projects/:code/progress',
    guard.office(async (ctx, who) => {
      const code = codeOf(ctx);
      const b = parseInput(progressSchema, await jsonBody(ctx));
      const origin = `console:${who.actor.userid}:progress:${b.requestId}`;
      await projects.postProgress({ code, text: b.text, push: b.push, actor: who.actor, origin, now: clock.now() });
      ctx.body = await detailOf(code);
    }),
  );
}
