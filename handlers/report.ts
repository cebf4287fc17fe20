import { defineCommand } from '../src/commands/types';
import { UserError } from '../src/errors';
import { t } from '../src/messages';

/**
 * 述职 [年份] [代表姓名]: the year's 述职 draft (.docx) as a file in this one-to-one chat where a file can reach
 * the person (long connection or app), else the console link; the office may name a deputy.
 */
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
  uses: ['roster', 'reports'],
  async run(ctx) {
    // The draft lists the deputy's own record: never a file or a link in a group.
    if (ctx.chat.type === 'group') return t('reportGroupRefused');
    const { year, who } = ctx.params;
    if (who && !ctx.actor.isOffice) throw new UserError('reportOthersOfficeOnly');
    const deputy = who ? await ctx.services.roster.findActive(who) : undefined;
    const sent = await ctx.services.reports.deliver({
      deputy: deputy?.userid ?? ctx.actor.userid,
      year,
      to: ctx.actor.userid,
      key: `report:${ctx.msgId}`,
    });
    if (!deputy)
      return sent.via === 'file'
        ? t('reportFile', { year, filename: sent.filename, url: sent.url })
        : t('reportLink', { year, url: sent.url });
    return sent.via === 'file'
      ? t('reportFileForOther', { name: deputy.name, year, filename: sent.filename, url: sent.url })
      : t('reportLinkForOther', { name: deputy.name, year, url: sent.url });
  },
});
