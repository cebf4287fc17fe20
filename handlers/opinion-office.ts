import { extractOptions, splitFirst } from '../src/commands/args';
import type { Command } from '../src/commands/types';
import { t } from '../src/messages';
import { formatDeadline } from '../src/services/opinion-store';
import { actionInput, takeCode } from './opinion-deputy';
import { shown } from './opinion-format';

/** 交办 and 改派 share their shape: <编号> 单位：… [期限：…]. */
function assignLike(name: '交办' | '改派', mode: 'assign' | 'reassign'): Command['run'] {
  return async (ctx) => {
    const { options, rest } = extractOptions(ctx.args, ['单位', '期限']);
    const [first, positional] = splitFirst(rest);
    const code = ctx.services.opinions.resolveCode(first, ctx.now, name);
    const unitText = options.单位 ?? positional;
    const r = await ctx.services.opinions.assign(code, unitText, options.期限, actionInput(ctx), mode);
    const typed = unitText.trim();
    return t('opinionAssigned', {
      code,
      unit: shown(r.unit, true),
      deadline: formatDeadline(r.opinion, ctx.config.timezone, ctx.services.holidays.calendar()),
      matched: r.match.kind === 'matched' ? shown(typed, true) : undefined,
      isNew: r.match.kind === 'new',
      defaulted: r.defaulted,
      reassigned: r.reassigned,
      sameUnit: r.sameUnit,
      fallbackYear: r.fallbackYear,
    });
  };
}

/** 交办 <编号> 单位：… [期限：…]: assigns a filed opinion to a handling unit with a deadline. */
export const assignCommand: Command = {
  name: '交办',
  role: 'office',
  summary: '把建议交给承办单位（期限默认按工作日计算）',
  example: '交办 YJ2026-001 单位：交通运输局 期限：15个工作日',
  run: assignLike('交办', 'assign'),
};

/** 改派 <编号> 单位：… [期限：…]: changes the unit or deadline of an assigned opinion. */
export const reassignCommand: Command = {
  name: '改派',
  role: 'office',
  summary: '已交办的建议换承办单位或期限',
  example: '改派 YJ2026-001 单位：住建局 期限：10个工作日',
  run: assignLike('改派', 'reassign'),
};

/** 答复 <编号> <内容>: records the unit's answer and asks the filer to rate it. */
export const answerCommand: Command = {
  name: '答复',
  role: 'office',
  summary: '录入承办单位的答复，并请提出人评价',
  example: '答复 YJ2026-001 已于11月20日完成路灯维修',
  async run(ctx) {
    const { code, rest } = takeCode(ctx, '答复');
    const r = await ctx.services.opinions.answer(code, rest, actionInput(ctx));
    return t('opinionAnswered', { code, late: r.late });
  },
};

/** 办结 <编号>: closes an answered opinion. */
export const closeCommand: Command = {
  name: '办结',
  role: 'office',
  summary: '办结已答复的建议',
  example: '办结 YJ2026-001',
  async run(ctx) {
    const { code } = takeCode(ctx, '办结');
    const o = await ctx.services.opinions.close(code, actionInput(ctx));
    const rated = o.ratedRound === o.round ? (o.rating ?? undefined) : undefined;
    return t('opinionClosed', { code, rated });
  },
};

/** 退回 <编号> <原因>: rejects an opinion as out of scope. */
export const rejectCommand: Command = {
  name: '退回',
  role: 'office',
  summary: '退回不属于办理范围的建议（需写原因）',
  example: '退回 YJ2026-001 属于司法诉讼事项，不在办理范围',
  async run(ctx) {
    const { options, rest: withoutOption } = extractOptions(ctx.args, ['原因']);
    const [first, positional] = splitFirst(withoutOption);
    const code = ctx.services.opinions.resolveCode(first, ctx.now, '退回');
    await ctx.services.opinions.reject(code, options.原因 ?? positional, actionInput(ctx));
    return t('opinionRejected', { code });
  },
};
