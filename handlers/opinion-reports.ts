import { defineCommand } from '../src/commands/types';
import type { EventPeriodSummary } from '../src/services/events';
import { formatRate } from '../src/services/opinions';
import { overdueCard } from '../src/cards';
import { t } from '../src/messages';
import { parseStatsPeriod } from '../src/services/opinions';
import { shown } from '../src/text/group-safe';
import { pendingReviewLines } from './shared/unit-format';

/** 督办: red (overdue) and yellow (soon due) opinions by unit (the same text the scheduled overdue job sends). */
export const chaseCommand = defineCommand({
  name: '督办',
  role: 'office',
  summary: '查看待审核的单位答复，以及逾期和即将到期的建议（按承办单位）',
  example: '督办',
  uses: ['opinions'],
  readOnly: true,
  async run(ctx) {
    // Unit answers waiting for 审核 first: they wait on the office, the overdue ones on the units.
    const none = t('overdueNone', { warnWorkdays: ctx.config.colours.warnWorkdays });
    const [report, pending] = await Promise.all([
      ctx.services.opinions.overdueReport(ctx.now),
      pendingReviewLines(ctx),
    ]);
    const text = !report && !pending.length ? none : [pending.join('\n'), report ?? none].filter(Boolean).join('\n\n');
    if (ctx.chat.type === 'group') return text;
    // One-to-one: a 督办 button per case.
    const items = await ctx.services.opinions.dueItems(ctx.now);
    return items.length ? { text, card: overdueCard(items, ctx.now) } : text;
  },
});

const joinCounts = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([k, n]) => `${k} ${n}`)
    .join('，');

/** 统计 [本年|本月|年份]: counts by state, category and unit, and the three rates. */
export const statsCommand = defineCommand({
  name: '统计',
  role: 'office',
  summary: '意见建议统计：状态、类别、承办单位，答复率、办结率、满意率和解决率',
  example: '统计 本月',
  args: { params: [{ kind: 'text', name: 'period', label: '本年|本月|年份' }] },
  uses: ['opinions', 'events'],
  readOnly: true,
  async run(ctx) {
    const period = parseStatsPeriod(ctx.params.period ?? '', ctx.now, ctx.config.timezone);
    if (!period) return t('statsUsage');
    const [s, eventSummary] = await Promise.all([
      ctx.services.opinions.stats(period, ctx.now),
      ctx.services.events.periodSummary(period.from, period.to, ctx.now),
    ]);
    const events = formatEventStats(eventSummary);
    if (s.total === 0) return [t('statsEmpty', { label: period.label }), ...events].join('\n');
    const r = s.rates;
    const lines = [
      t('statsHeader', { label: period.label, total: s.total }),
      t('statsByStatus', { parts: joinCounts(s.byStatus) }),
      t('statsByCategory', { parts: joinCounts(s.byCategory) }),
      t('statsRates', {
        answerRate: r.answerRate,
        closeRate: r.closeRate,
        satisfactionRate: r.satisfactionRate,
        resolveRate: r.resolveRate,
        assigned: r.assignedOrLater,
        answered: r.answeredOrClosed,
        rated: r.rated,
      }),
    ];
    if (s.units.length) {
      lines.push(t('statsUnitsHeader'));
      for (const u of s.units)
        lines.push(
          t('statsUnitLine', {
            unit: shown(u.unit, false),
            assigned: u.assigned,
            onTime: u.answeredOnTime,
            overdue: u.overdue,
          }),
        );
    }
    return [...lines, ...events].join('\n');
  },
});

function formatEventStats(e: EventPeriodSummary): string[] {
  if (e.activities.held === 0 && e.meetings.held === 0) return [t('statsEventsHeader'), t('statsNoEvents')];
  const lines = [t('statsEventsHeader')];
  if (e.activities.held) {
    const a = e.activities;
    lines.push(
      t('statsActivities', {
        held: a.held,
        types: joinCounts(a.byType),
        signedUp: a.signedUp,
        attended: a.attended,
        rate: formatRate(a.attended, a.signedUp),
      }),
    );
  }
  if (e.meetings.held) {
    const m = e.meetings;
    lines.push(t('statsMeetings', { ...m, rate: formatRate(m.attended, m.expected) }));
  }
  return lines;
}
