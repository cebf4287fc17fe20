import { t } from '../messages';
import { type Card, type CardButton, newTaskId, tapKey } from './card';
import { noticeCard } from './notice-card';

// The filer's vote card on an answer (满意 / 基本满意 / 不满意), and the study item's 已学.

/** The vote's options: our ids and the rating words the typed 评价 takes. */
export const RATING_OPTIONS = [
  { id: 'satisfied', rating: '满意' },
  { id: 'basic', rating: '基本满意' },
  { id: 'unsatisfied', rating: '不满意' },
] as const;

export type RatingWord = (typeof RATING_OPTIONS)[number]['rating'];

export function ratingOf(optionId: string | undefined): RatingWord | undefined {
  return RATING_OPTIONS.find((o) => o.id === optionId)?.rating;
}

/** The question key of the rating vote box. */
export const RATING_QUESTION = 'rating';

/** The filer's vote on an answer; `resolution` is its 落实 class, shown so the rating weighs what was promised. */
export function rateCard(
  o: { code: string; unit: string; answer: string; resolution?: string | null },
  now: Date,
  step = 0,
): Card {
  const answer = [...o.answer].length > 80 ? `${[...o.answer].slice(0, 80).join('')}…` : o.answer;
  return {
    type: 'vote',
    taskId: newTaskId(o.code, now),
    title: t('cardRateTitle', { code: o.code }),
    desc: t('cardRateQuestion'),
    text: t('cardAnswerText', {
      unit: o.unit,
      answer,
      resolution: o.resolution ? t('resolutionLabel', { resolution: o.resolution }) : undefined,
    }),
    question: {
      key: RATING_QUESTION,
      title: t('cardRateQuestion'),
      options: RATING_OPTIONS.map((r) => ({ id: r.id, text: r.rating })),
    },
    submit: { text: t('cardRateSubmit'), key: tapKey('rate', step) },
  };
}

export function unsatisfiedReasons(): string[] {
  return t('cardUnsatisfiedReasons').split('、');
}

/** 不满意 asks why before the round is reopened: common reasons, 其他 (typed), or none. */
export function unsatisfiedCard(code: string, taskId: string, step: number): Card {
  const buttons: CardButton[] = unsatisfiedReasons().map((text, i) => ({
    text,
    key: tapKey('unsatisfied', step, String(i + 1)),
    style: 2,
  }));
  buttons.push({ text: t('cardUnsatisfiedOther'), key: tapKey('unsatisfied', step, 'other'), style: 2 });
  buttons.push({ text: t('cardUnsatisfiedNone'), key: tapKey('unsatisfied', step, 'none'), style: 1 });
  return {
    type: 'buttons',
    taskId,
    title: t('cardUnsatisfiedTitle', { code }),
    text: t('cardUnsatisfiedText'),
    buttons,
  };
}

export function ratedCard(rating: string, text: string, taskId: string, step: number): Card {
  return noticeCard(taskId, t('cardRatedTitle', { rating }), text, step);
}

/** The study push's card: 已学 for each deputy. */
export function studyCard(o: { code: string; title: string; note?: string }, now: Date): Card {
  return {
    type: 'buttons',
    taskId: newTaskId(o.code, now),
    title: t('cardStudyTitle', { code: o.code }),
    desc: `《${o.title}》`.slice(0, 30),
    text: o.note ? `${o.note}\n${t('cardStudyOpen')}` : t('cardStudyOpen'),
    buttons: [{ text: t('cardStudyLearned'), key: tapKey('learned', 0), style: 1 }],
  };
}

/** The help card: buttons that run the common read-only commands of the reader's role. */
export function helpCard(
  o: { isOffice: boolean; name: string; text?: string; title?: string },
  now: Date,
  taskId?: string,
  step = 0,
): Card {
  const names = helpCommands(o.isOffice);
  return {
    type: 'buttons',
    taskId: taskId ?? newTaskId('help', now),
    title: o.title ?? t('cardHelpTitle', { isOffice: o.isOffice }),
    text: o.text ?? t('cardHelpText', { name: o.name }),
    // Keys carry the command's place in the list, not its Chinese name (WeCom states no charset for keys).
    buttons: names.map((name, i) => ({ text: name, key: tapKey('run', step, String(i + 1)), style: 2 })),
  };
}

/** The commands the help card offers for a role, in order (at most 6). */
export function helpCommands(isOffice: boolean): string[] {
  return t(isOffice ? 'cardHelpOffice' : 'cardHelpDeputy')
    .split('、')
    .slice(0, 6);
}
