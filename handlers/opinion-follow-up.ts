import { defineCommand } from '../src/commands/types';
import { t } from '../src/messages';
import { shown } from '../src/text/group-safe';
import { RESOLUTION_LABELS } from '../src/contracts/labels';
import { formatDeadline } from '../src/services/opinions';
import { formatDate } from '../src/time/format';
import { actionInput, deadlineFromWords } from './shared/opinion-input';

/** 催办 <编号>: the office chases the unit on one case (the console's 督办): the unit's contacts and the filer hear. */
export const chaseOneCommand = defineCommand({
  name: '催办',
  role: 'office',
  summary: '向承办单位督办一件建议（单位联系人和提出人收到通知）',
  example: '催办 YJ2026-001',
  args: { params: [{ kind: 'code', name: 'code', of: 'YJ' }] },
  uses: ['opinions'],
  async run(ctx) {
    const { code } = ctx.params;
    const o = await ctx.services.opinions.remind({ code }, actionInput(ctx));
    return t('chaseDone', { code, unit: shown(o.unit ?? '', true) });
  },
});

/** 跟踪 <编号> <日期>: a case answered B or C comes back in 督办 on that day. */
export const followUpCommand = defineCommand({
  name: '跟踪',
  role: 'office',
  summary: '给 B、C 类答复的建议设跟踪日期，到期时出现在「督办」里',
  example: '跟踪 YJ2026-001 12月31日',
  args: {
    params: [
      { kind: 'code', name: 'code', of: 'YJ' },
      { kind: 'text', name: 'date', label: '日期' },
    ],
  },
  uses: ['opinions'],
  async run(ctx) {
    const { code, date = '' } = ctx.params;
    if (!date.trim()) return t('followUpUsage');
    const choice = deadlineFromWords(date, ctx);
    if (choice === 'default') return t('followUpUsage');
    const o = await ctx.services.opinions.followUp({ code, date: choice }, actionInput(ctx));
    const resolution = o.resolution ? `${o.resolution} ${RESOLUTION_LABELS[o.resolution]}` : '';
    return t('followUpSet', { code, date: formatDate(o.followUpAt as Date, ctx.config.timezone), resolution });
  },
});

/** 重办 <编号> <原因>: a closed case whose problem returned goes back to its unit in a new round. */
export const reopenCommand = defineCommand({
  name: '重办',
  role: 'office',
  summary: '已办结的建议问题又出现了：重新交原承办单位办理（新的一轮）',
  example: '重办 YJ2026-001 路灯修好后又坏了',
  args: {
    params: [
      { kind: 'code', name: 'code', of: 'YJ' },
      { kind: 'text', name: 'reason', label: '原因' },
    ],
  },
  uses: ['opinions', 'holidays'],
  async run(ctx) {
    const { code, reason = '' } = ctx.params;
    if (!reason.trim()) return t('reopenUsage');
    const o = await ctx.services.opinions.reopen({ code, reason }, actionInput(ctx));
    return t('reopenDone', {
      code,
      round: o.round ?? 2,
      unit: shown(o.unit ?? '', true),
      deadline: formatDeadline(o, ctx.config.timezone, ctx.services.holidays.calendar()),
    });
  },
});
