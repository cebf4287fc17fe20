import type Router from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import type { Config } from '../../config';
import type { Clock } from '../clock';
import { RESOLUTIONS } from '../contracts/labels';
import type { Services } from '../services';
import type { Opinion } from '../services/opinions';
import type { UnitWithContacts } from '../services/roster';
import { pickUnit } from '../text/unit-match';
import { notFound, parseInput } from './errors';
import { opinionCodeOf } from './opinion-code';
import { type Guard, jsonBody } from './session';
import { detailJson } from './shape';
import type {
  OpinionDetail,
  Sendable,
  UnitCasesPage,
  UnitContactsList,
  UnitWithContacts as UnitJson,
} from '../contracts';

export interface UnitRoutesDeps {
  services: Services;
  config: Config;
  clock: Clock;
  guard: Guard;
}

const contactBody = z.object({
  unit: z.string().trim().min(1).max(40),
  userid: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(20),
});
const removeBody = z.object({ unit: z.string().trim().min(1).max(40), userid: z.string().trim().min(1).max(64) });

const unitJson = (u: UnitWithContacts): Sendable<UnitJson> => ({
  name: u.name,
  useCount: u.useCount,
  contacts: u.contacts.map((c) => ({ userid: c.userid, name: c.name, addedAt: c.addedAt })),
});

/**
 * 承办单位: the office keeps each unit's contacts (the roster page's tab); a unit contact signed in with `登录`
 * reads and answers only their unit's cases, checked here on every call.
 */
export function registerUnitRoutes(router: Router, d: UnitRoutesDeps): void {
  registerContactRoutes(router, d);
  registerUnitCaseRoutes(router, d);
}

/** The office keeps each unit's contacts. */
function registerContactRoutes(router: Router, d: UnitRoutesDeps): void {
  const { services, clock, guard } = d;
  const opinions = services.opinions;
  const contacts = services.roster.contacts;

  router.get(
    '/unit-contacts',
    guard.office(async (ctx) => {
      ctx.body = { units: (await contacts.list()).map(unitJson) } satisfies Sendable<UnitContactsList>;
    }),
  );

  router.post(
    '/unit-contacts',
    guard.office(async (ctx) => {
      const b = parseInput(contactBody, await jsonBody(ctx));
      // The unit as typed is matched to a known one as in the chat (abbreviations, typos); `（新）` makes a new one.
      const unit = pickUnit(b.unit, await opinions.knownUnits(), '').name;
      ctx.body = unitJson(await contacts.add({ ...b, unit }, clock.now())) satisfies Sendable<UnitJson>;
    }),
  );

  router.post(
    '/unit-contacts/remove',
    guard.office(async (ctx) => {
      const b = parseInput(removeBody, await jsonBody(ctx));
      ctx.body = unitJson(await contacts.remove(b)) satisfies Sendable<UnitJson>;
    }),
  );
}

/** A unit contact's own cases: every call checks the case is with one of their units now. */
function registerUnitCaseRoutes(router: Router, d: UnitRoutesDeps): void {
  const { services, config, clock, guard } = d;
  const opinions = services.opinions;
  const tz = config.timezone;
  const maxChars = config.tunables.opinion.maxChars;

  /** The case, if it is with one of the contact's units now; otherwise it does not exist for them. */
  async function held(ctx: Context, units: readonly string[]): Promise<Opinion> {
    const o = await opinions.load(opinionCodeOf(ctx.params.code, clock.now(), tz));
    if (!o.unit || !units.includes(o.unit)) throw notFound();
    return o;
  }
  const detail = (o: Opinion): Sendable<OpinionDetail> => {
    const now = clock.now();
    // The unit sees its case's colour too (三色预警): the same one the office sees.
    const colour = opinions.colourOf(o, now);
    const extras = { names: new Map(), similar: [], categories: [], office: false, unit: true, colour };
    return detailJson(o, { ...extras, fullText: o.shareContact === true }, now);
  };

  router.get(
    '/unit/opinions',
    guard.unit(async (ctx, who) => {
      const units = [...(who.actor.units ?? [])];
      const now = clock.now();
      const items = await opinions.unitTodo(units);
      ctx.body = {
        units,
        review: opinions.reviewsUnitAnswers,
        items: items.map((i) => ({ ...i, overdue: i.deadline.getTime() < now.getTime() })),
      } satisfies Sendable<UnitCasesPage>;
    }),
  );

  router.get(
    '/unit/opinions/:code',
    guard.unit(async (ctx, who) => {
      ctx.body = detail(await held(ctx, who.actor.units ?? []));
    }),
  );

  router.post(
    '/unit/opinions/:code/answer',
    guard.unit(async (ctx, who) => {
      const b = parseInput(
        z.object({
          text: z.string().trim().min(1).max(maxChars),
          resolution: z.enum(RESOLUTIONS),
          version: z.number().int().min(0),
        }),
        await jsonBody(ctx),
      );
      const o = await held(ctx, who.actor.units ?? []);
      const step = {
        actor: who.actor,
        msgId: `console:${who.actor.userid}:${o.code}:unit-answer:v${b.version}`,
        now: clock.now(),
        via: 'console' as const,
      };
      const r = await opinions.unitAnswer(
        { code: o.code, text: b.text, resolution: b.resolution, expectedVersion: b.version },
        step,
      );
      ctx.body = detail(r.opinion);
    }),
  );
}
