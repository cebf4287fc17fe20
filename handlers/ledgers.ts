import { defineCommand } from '../src/commands/types';
import { UserError } from '../src/errors';
import { t } from '../src/messages';
import type { LedgerKind } from '../src/services/exports';
import { FIRST_YEAR } from '../src/services/performance';
import { yearOf } from '../src/time/zone';

const KINDS: Record<string, LedgerKind> = { 台账: 'opinions', 意见: 'opinions', 履职: 'performance', 活动: 'events' };

/** 导出 台账|履职|活动 [年份]: the ledger as a file in this one-to-one chat (long connection or app), else a console link. */
export const exportLedgerCommand = defineCommand({
  name: '导出',
  role: 'office',
  summary: '把台账发给我：台账（意见建议）、履职（登记册）、活动（活动与会议），只在单聊中发送',
  example: '导出 台账 2026',
  args: {
    params: [
      { kind: 'word', name: 'what', label: '台账/履职/活动', required: true },
      { kind: 'year', name: 'year' },
    ],
    usage: 'exportLedgerUsage',
  },
  uses: ['ledgers'],
  async run(ctx) {
    // Whoever reads a group chat would get the ledger: it goes only to the person who asks, privately.
    if (ctx.chat.type === 'group') return t('exportLedgerGroupOnly');
    const kind = KINDS[ctx.params.what];
    if (!kind) return t('exportLedgerUsage');
    const { year } = ctx.params;
    const current = yearOf(ctx.now, ctx.config.timezone);
    if (year < FIRST_YEAR || year > current)
      throw new UserError('exportLedgerYear', { year, first: FIRST_YEAR, current });
    const sent = await ctx.services.ledgers.deliver(kind, year, ctx.actor.userid, `ledger:${ctx.msgId}`, ctx.now);
    return sent.via === 'file'
      ? t('exportLedgerFile', { filename: sent.filename, url: sent.url })
      : t('exportLedgerLink', { url: sent.url, tooLarge: sent.reason === 'size' });
  },
});
