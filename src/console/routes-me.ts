import type Router from '@koa/router';
import { z } from 'zod';
import type { Config } from '../../config';
import type { Clock } from '../clock';
import { t } from '../messages';
import { labelOf, PERFORMANCE_KIND_LABELS, PERFORMANCE_RESULT_LABELS, SCORE_ITEM_LABELS } from '../contracts/labels';
import type { Services } from '../services';
import { FIRST_YEAR, type ScoreCard, scoreLines } from '../services/performance';
import { formatDate } from '../time/format';
import { yearOf } from '../time/zone';
import { parseInput, queryParam } from './errors';
import type { Guard } from './session';
import type { PerformancePage, ScoreView, Sendable } from '../contracts';

export interface MeRoutesDeps {
  services: Services;
  config: Config;
  clock: Clock;
  guard: Guard;
}

const yearQuery = z.object({ year: queryParam(z.coerce.number().int().min(2000).max(2100).optional()) });

/** A deputy's own 履职 page: the figures of the 履职 command and the register (the performance service), by year. */
export function registerMeRoutes(router: Router, d: MeRoutesDeps): void {
  router.get(
    '/me/performance',
    d.guard.signedIn(async (ctx, who) => {
      const tz = d.config.timezone;
      const now = d.clock.now();
      const current = yearOf(now, tz);
      const year = parseInput(yearQuery, ctx.query).year ?? current;
      const r = await d.services.performance.recordFor(who.actor.userid, year);
      const byType = r.activities.byType
        .filter((x) => x.attended > 0)
        .map((x) => `${x.type} ${x.attended}`)
        .join('、');
      const years: number[] = [];
      for (let y = current; y >= Math.max(FIRST_YEAR, current - 9); y -= 1) years.push(y);
      ctx.body = {
        year: r.year,
        years,
        name: r.name,
        title: t('performanceHeader', {
          name: r.name,
          year: r.year,
          asOf: current === r.year ? formatDate(now, tz) : undefined,
        }).replace(/\*\*/g, ''),
        // The 履职 command's own lines, from the same figures.
        lines: [
          t('performanceOpinions', r.opinions),
          t('performanceActivities', { ...r.activities, byType }),
          t('performanceMeetings', r.meetings),
          t('performanceShifts', r.shifts),
          t('performanceStudy', r.study),
        ],
        figures: {
          opinions: r.opinions,
          activities: r.activities,
          meetings: r.meetings,
          shifts: r.shifts,
          study: r.study,
        },
        score: shapeScore(d.services.performance.scoreOf(r), r.year),
        items: r.items.map((i) => ({
          kind: i.kind,
          kindLabel: labelOf(PERFORMANCE_KIND_LABELS, i.kind),
          code: i.code ?? null,
          title: i.title,
          detail: i.detail ?? null,
          at: i.at,
          result: i.result,
          resultLabel: labelOf(PERFORMANCE_RESULT_LABELS, i.result),
        })),
      } satisfies Sendable<PerformancePage>;
    }),
  );
}

/** The score with its lines and, per quarter and part, the records it counted (null while the score is off). */
function shapeScore(card: ScoreCard | undefined, year: number): Sendable<ScoreView> | null {
  if (!card) return null;
  return {
    total: card.total,
    lines: scoreLines(card, year),
    quarters: card.quarters.map((q) => ({
      quarter: q.quarter,
      points: q.points,
      parts: q.parts
        .filter((p) => p.count > 0)
        .map((p) => ({
          item: p.item,
          label: labelOf(SCORE_ITEM_LABELS, p.item),
          count: p.count,
          points: p.points,
          records: p.records.map((i) => ({ code: i.code ?? null, title: i.title, at: i.at })),
        })),
    })),
  };
}
