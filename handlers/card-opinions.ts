import { type CardTapContext, defineCardTap } from '../src/commands/card-taps';
import type { Services } from '../src/services';
import { RATING_QUESTION, ratedCard, ratingOf, unsatisfiedCard, unsatisfiedReasons, noticeCard } from '../src/cards';
import { t } from '../src/messages';
import type { Rating } from '../src/services/opinions';
import { shown } from '../src/text/group-safe';
import { formatDate } from '../src/time/format';
import { actionInput } from './shared/opinion-input';

// Taps on the filer's vote card: the use case of the typed 评价.

type RateCtx = Omit<CardTapContext, 'services'> & { services: Pick<Services, 'opinions'> };

/** The typed 评价's use case, and its words on the updated card. */
async function rate(ctx: RateCtx, rating: Rating, note: string) {
  const { subject: code, config } = ctx;
  const r = await ctx.services.opinions.rate({ code, rating, note }, actionInput(ctx));
  const text = r.reopened
    ? t('opinionRatedReopened', {
        code,
        round: r.opinion.round ?? 2,
        unit: shown(r.opinion.unit ?? '', true),
        deadline: r.opinion.deadline ? formatDate(r.opinion.deadline, config.timezone) : '',
      })
    : t('opinionRated', { code, rating });
  return { text, card: ratedCard(rating, text, ctx.taskId, ctx.step) };
}

/** 提交评价 on the vote card: 满意 / 基本满意 are recorded at once; 不满意 first asks why. */
export const rateTap = defineCardTap({
  on: 'YJ',
  action: 'rate',
  role: 'deputy',
  command: '评价',
  uses: ['opinions'],
  async run(ctx) {
    const rating = ratingOf(ctx.selected[RATING_QUESTION]?.[0]);
    if (!rating) {
      const text = t('cardRateNoChoice');
      return { text, card: noticeCard(ctx.taskId, t('cardRefusedTitle'), text, ctx.step) };
    }
    if (rating === '不满意')
      return { text: t('cardUnsatisfiedText'), card: unsatisfiedCard(ctx.subject, ctx.taskId, ctx.step) };
    return rate(ctx, rating, '');
  },
});

/** A reason for 不满意 (or none): the typed 评价 <编号> 不满意 <原因>, which starts the next round. */
export const unsatisfiedTap = defineCardTap({
  on: 'YJ',
  action: 'unsatisfied',
  role: 'deputy',
  command: '评价',
  uses: ['opinions'],
  async run(ctx) {
    if (ctx.arg === 'other') {
      const text = t('cardUnsatisfiedOtherText', { code: ctx.subject });
      return { text, card: noticeCard(ctx.taskId, t('cardUnsatisfiedTitle', { code: ctx.subject }), text, ctx.step) };
    }
    const reason = ctx.arg === 'none' ? '' : (unsatisfiedReasons()[Number(ctx.arg) - 1] ?? '');
    return rate(ctx, '不满意', reason);
  },
});
