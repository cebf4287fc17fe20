import { type ArgsSpec, type RunContext, defineCommand } from '../src/commands/types';
import { t } from '../src/messages';
import { formatDeadline } from '../src/services/opinions';
import { actionInput, answerFromWords, deadlineFromWords, shareFromWords } from './shared/opinion-input';
import { refuse } from '../src/refusals';
import { shown } from '../src/text/group-safe';
import { pickUnit } from '../src/text/unit-match';

/** 交办 and 改派 share their shape: <编号> 单位：… [期限：…]. */
const ASSIGN_ARGS = {
  options: ['单位', '期限', '联系方式'],
  params: [
    { kind: 'code', name: 'code', of: 'YJ' },
    { kind: 'text', name: 'unit', label: '单位' },
  ],
} as const satisfies ArgsSpec;

function assignLike(mode: 'assign' | 'reassign') {
  return async (ctx: RunContext<typeof ASSIGN_ARGS, 'opinions' | 'holidays'>): Promise<string> => {
    const { options } = ctx;
    const { code, unit: positional = '' } = ctx.params;
    const typed = (options.单位 ?? positional).trim();
    const deadline = deadlineFromWords(options.期限, ctx);
    const shareContact = shareFromWords(options.联系方式);
    const opinions = ctx.services.opinions;
    // 改派 with only 期限 keeps the unit (a deadline extension).
    const match = typed ? pickUnit(typed, await opinions.knownUnits(), code) : undefined;
    const r =
      mode === 'reassign'
        ? await opinions.reassign({ code, unit: match?.name, deadline, shareContact }, actionInput(ctx))
        : await opinions.assign({ code, unit: match?.name ?? '', deadline, shareContact }, actionInput(ctx));
    return t('opinionAssigned', {
      code,
      unit: shown(r.unit, true),
      deadline: formatDeadline(r.opinion, ctx.config.timezone, ctx.services.holidays.calendar()),
      matched: match?.kind === 'matched' ? shown(typed, true) : undefined,
      isNew: match?.kind === 'new',
      defaulted: r.defaulted,
      reassigned: r.reassigned,
      sameUnit: r.sameUnit,
      fallbackYear: r.fallbackYear,
    });
  };
}

/** 交办 <编号> 单位：… [期限：…]: assigns a filed opinion to a handling unit with a deadline. */
export const assignCommand = defineCommand({
  name: '交办',
  role: 'office',
  summary: '把建议交给承办单位（期限默认按工作日计算）',
  example: '交办 YJ2026-001 单位：交通运输局 期限：15个工作日',
  args: ASSIGN_ARGS,
  uses: ['opinions', 'holidays'],
  run: assignLike('assign'),
});

/** 改派 <编号> 单位：… [期限：…]: changes the unit or deadline of an assigned opinion. */
export const reassignCommand = defineCommand({
  name: '改派',
  role: 'office',
  summary: '已交办的建议换承办单位或期限',
  example: '改派 YJ2026-001 单位：住建局 期限：10个工作日',
  args: ASSIGN_ARGS,
  uses: ['opinions', 'holidays'],
  run: assignLike('reassign'),
});

/**
 * 答复 <编号> <A|B|C|D> <内容>: the office records the unit's answer with its 落实 class and asks the filer to rate
 * it; a unit contact (one-to-one) answers for their unit, to the office's review or straight on.
 */
export const answerCommand = defineCommand({
  name: '答复',
  role: 'office',
  contacts: true,
  summary: '录入承办单位的答复（注明落实分类 A已解决 B正在解决 C列入计划 D暂不能解决），并请提出人评价',
  example: '答复 YJ2026-001 A 已于11月20日完成路灯维修',
  args: {
    params: [
      { kind: 'code', name: 'code', of: 'YJ' },
      { kind: 'text', name: 'rest', label: '答复内容' },
    ],
  },
  uses: ['opinions'],
  async run(ctx) {
    const { code, rest = '' } = ctx.params;
    if (!rest.trim()) refuse('opinion.answerMissing', { code });
    const typed = answerFromWords(code, rest);
    if (!ctx.actor.isOffice) {
      // Whoever reads the group would read the answer before the office has reviewed it.
      if (ctx.chat.type === 'group') refuse('unit.answerInGroup', { code });
      const r = await ctx.services.opinions.unitAnswer({ code, ...typed }, actionInput(ctx));
      return t('unitAnswerSubmitted', { code, review: r.review, late: r.late });
    }
    const r = await ctx.services.opinions.answer({ code, ...typed }, actionInput(ctx));
    return t('opinionAnswered', { code, late: r.late });
  },
});

/** 办结 <编号>: closes an answered opinion. */
export const closeCommand = defineCommand({
  name: '办结',
  role: 'office',
  summary: '办结已答复的建议',
  example: '办结 YJ2026-001',
  args: { params: [{ kind: 'code', name: 'code', of: 'YJ' }] },
  uses: ['opinions'],
  async run(ctx) {
    const { code } = ctx.params;
    const o = await ctx.services.opinions.close({ code }, actionInput(ctx));
    const rated = o.ratedRound === o.round ? (o.rating ?? undefined) : undefined;
    return t('opinionClosed', { code, rated });
  },
});

/** 退回 <编号> <原因>: rejects an opinion as out of scope. */
export const rejectCommand = defineCommand({
  name: '退回',
  role: 'office',
  summary: '退回不属于办理范围的建议（需写原因）',
  example: '退回 YJ2026-001 属于司法诉讼事项，不在办理范围',
  args: {
    options: ['原因'],
    params: [
      { kind: 'code', name: 'code', of: 'YJ' },
      { kind: 'text', name: 'reason', label: '原因' },
    ],
  },
  uses: ['opinions'],
  async run(ctx) {
    const { code, reason = '' } = ctx.params;
    await ctx.services.opinions.reject({ code, reason: ctx.options.原因 ?? reason }, actionInput(ctx));
    return t('opinionRejected', { code });
  },
});
