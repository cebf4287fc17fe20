import type { Command, CommandContext } from '../src/commands/types';
import { UserError } from '../src/errors';
import { t } from '../src/messages';
import type { PerformanceRecord } from '../src/services/performance';
import { toHalfWidth } from '../src/text/normalize';
import { formatDate } from '../src/time/format';
import { yearOf } from '../src/time/zone';

/** `[姓名] [年份]` in either order; the year may be `2026`, `2026年`, `今年`, `去年`. */
function readArgs(args: string, current: number): { who: string; year: number } | { badYear: string } {
  let year = current;
  const rest: string[] = [];
  for (const word of toHalfWidth(args).split(/\s+/).filter(Boolean)) {
    const y = /^(\d+)年?度?$/.exec(word);
    if (y) {
      if (y[1]!.length !== 4) return { badYear: word };
      year = Number(y[1]);
    } else if (['今年', '本年', '本年度'].includes(word)) year = current;
    else if (['去年', '上年'].includes(word)) year = current - 1;
    else rest.push(word);
  }
  return { who: rest.join(' '), year };
}

function formatRecord(r: PerformanceRecord, ctx: CommandContext, viewingOther: boolean): string {
  const tz = ctx.config.timezone;
  const current = yearOf(ctx.now, tz) === r.year;
  const byType = r.activities.byType.filter((x) => x.attended > 0).map((x) => `${x.type} ${x.attended}`).join('、');
  return [
    t('performanceHeader', { name: r.name, year: r.year, asOf: current ? formatDate(ctx.now, tz) : undefined }),
    t('performanceOpinions', r.opinions),
    t('performanceActivities', { ...r.activities, byType }),
    t('performanceMeetings', r.meetings),
    t('performanceShifts', r.shifts),
    t('performanceStudy', r.study),
    viewingOther ? t('performanceFooterOffice', { year: r.year }) : t('performanceFooterSelf', { previous: r.year - 1 }),
  ].join('\n');
}

/** 履职 [年份] / 我的履职: a deputy's year; office staff may add a deputy's name. */
export const performanceCommand: Command = {
  name: '履职',
  aliases: ['我的履职', '履职档案'],
  role: 'deputy',
  summary: '我的年度履职记录：建议、活动、会议、值班、学习（人大办可加代表姓名）',
  example: '履职 2026',
  async run(ctx) {
    const current = yearOf(ctx.now, ctx.config.timezone);
    const args = readArgs(ctx.args, current);
    if ('badYear' in args) throw new UserError('performanceBadYear', { year: args.badYear, current });
    let userid = ctx.actor.userid;
    if (args.who) {
      if (!ctx.actor.isOffice) throw new UserError('performanceOthersOfficeOnly');
      userid = (await ctx.services.roster.findActive(args.who)).userid;
    }
    const record = await ctx.services.performance.recordFor(userid, args.year);
    return formatRecord(record, ctx, userid !== ctx.actor.userid);
  },
};
