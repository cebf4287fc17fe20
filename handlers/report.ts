import { defineCommand } from '../src/commands/types';
import { UserError } from '../src/errors';
import { t } from '../src/messages';

/** 述职 [年份] [代表姓名]: a link to the year's 述职 draft (.docx), only one-to-one; the office may name a deputy. */
export const reportCommand = defineCommand({
  name: '述职',
  aliases: ['述职报告'],
  role: 'deputy',
  summary: '生成年度述职报告草稿（Word），只在单聊中发送（人大办可加代表姓名）',
  example: '述职 2026',
  args: {
    params: [
      { kind: 'year', name: 'year' },
      { kind: 'text', name: 'who', label: '代表姓名' },
    ],
  },
  uses: ['consoleAuth', 'roster', 'performance'],
  readOnly: true,
  async run(ctx) {
    // The draft lists the deputy's own record: never a link in a group.
    if (ctx.chat.type === 'group') return t('reportGroupRefused');
    const { year, who } = ctx.params;
    ctx.services.performance.checkYear(year);
    if (!who) return t('reportLink', { year, url: ctx.services.consoleAuth.reportUrl(ctx.actor.userid, year) });
    if (!ctx.actor.isOffice) throw new UserError('reportOthersOfficeOnly');
    const deputy = await ctx.services.roster.findActive(who);
    return t('reportLinkForOther', {
      name: deputy.name,
      year,
      url: ctx.services.consoleAuth.reportUrl(deputy.userid, year),
    });
  },
});
