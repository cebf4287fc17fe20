import { defineCommand } from '../src/commands/types';
import { t } from '../src/messages';
import { shown } from '../src/text/group-safe';
import { actionInput } from './shared/opinion-input';

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
