import { defineCardTap } from '../src/commands/card-taps';
import { ASSIGN_QUESTIONS, deadlineOfOptionId, noticeCard, overdueCard, unitOfOptionId } from '../src/cards';
import { t } from '../src/messages';
import { isRefusal, renderForChat } from '../src/refusals';
import { formatDeadline } from '../src/services/opinions';
import { shown } from '../src/text/group-safe';
import { actionInput } from './shared/opinion-input';

// The office's one-to-one cards: 交办 from the new opinion's card, 督办 from the overdue list.

/** 交办 on a new opinion's card: the typed 交办 <编号> 单位：… 期限：… with the unit and deadline chosen. */
export const assignTap = defineCardTap({
  on: 'YJ',
  action: 'assign',
  role: 'office',
  command: '交办',
  uses: ['opinions', 'holidays'],
  async run(ctx) {
    const { subject: code, selected, taskId, step } = ctx;
    const unit = unitOfOptionId(selected[ASSIGN_QUESTIONS.unit]?.[0]);
    if (!unit) {
      const text = t('cardAssignPickUnit');
      return { text, card: noticeCard(taskId, t('cardRefusedTitle'), text, step) };
    }
    const deadline = deadlineOfOptionId(selected[ASSIGN_QUESTIONS.deadline]?.[0]);
    let r;
    try {
      r = await ctx.services.opinions.assign({ code, unit, deadline }, actionInput(ctx));
    } catch (err) {
      // Another clerk assigned it first (from their card or typed): this card now says who, and changes nothing.
      if (!isRefusal(err) || err.code !== 'opinion.alreadyAssigned') throw err;
      const by = err.fields as { by: string };
      const text = renderForChat(err, { timezone: ctx.config.timezone, now: ctx.now, office: true });
      return { text, card: noticeCard(taskId, t('cardAssignedByTitle', { name: by.by }), text, step) };
    }
    const text = t('opinionAssigned', {
      code,
      unit: shown(r.unit, true),
      deadline: formatDeadline(r.opinion, ctx.config.timezone, ctx.services.holidays.calendar()),
      isNew: false,
      defaulted: r.defaulted,
      reassigned: r.reassigned,
      sameUnit: r.sameUnit,
      fallbackYear: r.fallbackYear,
    });
    return { text, card: noticeCard(taskId, t('cardAssignedTitle', { unit: shown(r.unit, true) }), text, step) };
  },
});

/** 督办 on the overdue list: the console's 督办 of one case (recorded, the filer told); the list is redrawn. */
export const chaseTap = defineCardTap({
  on: 'overdue',
  action: 'chase',
  role: 'office',
  command: '督办',
  uses: ['opinions'],
  async run(ctx) {
    const code = ctx.arg ?? '';
    await ctx.services.opinions.remind({ code }, actionInput(ctx));
    const items = await ctx.services.opinions.dueItems(ctx.now);
    const title = t('cardChasedTitle', { code });
    const card = overdueCard(items, ctx.now, { taskId: ctx.taskId, step: ctx.step, title });
    return { text: title, card };
  },
});
