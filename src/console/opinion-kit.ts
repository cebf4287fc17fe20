import type { Context } from 'koa';
import type { Config } from '../../config';
import type { Clock } from '../clock';
import type { Actor } from '../commands/types';
import type { Services } from '../services';
import type { ActionInput, Opinion } from '../services/opinions';
import { pickUnit } from '../text/unit-match';
import { opinionCodeOf } from './opinion-code';
import type { Guard } from './session';
import { detailJson } from './shape';

export interface OpinionRoutesDeps {
  services: Services;
  config: Config;
  clock: Clock;
  guard: Guard;
}

/** What every opinion route shares: reading the code and unit as the chat does, the case's JSON, the step's key. */
export function opinionKit(d: OpinionRoutesDeps) {
  const { services, config, clock } = d;
  const opinions = services.opinions;
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

  return { opinions, tz, codeOf, unitOf, detail, input };
}

export type OpinionKit = ReturnType<typeof opinionKit>;
