import { type RunContext, defineCommand } from '../src/commands/types';
import { UserError } from '../src/errors';
import { t } from '../src/messages';
import { type PerformanceRecord, type ScoreCard, scoreLines } from '../src/services/performance';
import { formatDate } from '../src/time/format';
import { yearOf } from '../src/time/zone';

function formatRecord(
  r: PerformanceRecord,
  ctx: Pick<RunContext<Record<string, never>, never>, 'config' | 'now'>,
  viewingOther: boolean,
  score?: ScoreCard,
): string {
  const tz = ctx.config.timezone;
  const current = yearOf(ctx.now, tz) === r.year;
  const byType = r.activities.byType
    .filter((x) => x.attended > 0)
    .map((x) => `${x.type} ${x.attended}`)
    .join('、');
  return [
    t('performanceHeader', { name: r.name, year: r.year, asOf: current ? formatDate(ctx.now, tz) : undefined }),
    t('performanceOpinions', r.opinions),
    t('performanceActivities', { ...r.activities, byType }),
    t('performanceMeetings', r.meetings),
    t('performanceShifts', r.shifts),
    t('performanceStudy', r.study),
    // The score is the deputy's own business: never shown about someone else here (the office has its table).
    ...(score && !viewingOther ? scoreLines(score, r.year) : []),
    viewingOther
      ? t('performanceFooterOffice', { year: r.year })
      : t('performanceFooterSelf', { previous: r.year - 1 }),
  ].join('\n');
}

/** 履职 [年份] / 我的履职: a deputy's year; office staff may add a deputy's name. */
export const performanceCommand = defineCommand({
  name: '履职',
  aliases: ['我的履职', '履职档案'],
  role: 'deputy',
  summary: '我的年度履职记录：建议、活动、会议、值班、学习（人大办可加代表姓名）',
  example: '履职 2026',
  args: {
    params: [
      { kind: 'year', name: 'year' },
      { kind: 'text', name: 'who', label: '代表姓名' },
    ],
  },
  uses: ['roster', 'performance'],
  readOnly: true,
  async run(ctx) {
    const { year, who } = ctx.params;
    let userid = ctx.actor.userid;
    if (who) {
      if (!ctx.actor.isOffice) throw new UserError('performanceOthersOfficeOnly');
      userid = (await ctx.services.roster.findActive(who)).userid;
    }
    const record = await ctx.services.performance.recordFor(userid, year);
    const self = userid === ctx.actor.userid;
    return formatRecord(record, ctx, !self, self ? ctx.services.performance.scoreOf(record) : undefined);
  },
});
