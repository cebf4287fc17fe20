import { t } from '../messages';
import { type Card, type CardButton, type CardLine, newTaskId, tapKey } from './card';

// The cards of meetings (参加 / 请假 with reasons) and activities (报名 / 取消报名): built from plain facts, so
// the notices (services) and the replies and taps (handlers) show the same card.

export interface MeetingFacts {
  code: string;
  title: string;
  when: string;
  place: string;
}

/** My answer so far, when the card is for one person. */
export type MyMeetingReply = { answer: '参加' } | { answer: '请假'; reason?: string } | undefined;

/** The meeting notice's card: 参加 / 请假 (the group's card, or one person's with their answer). */
export function meetingCard(
  m: MeetingFacts,
  now: Date,
  o: { mine?: string; taskId?: string; step?: number } = {},
): Card {
  const step = o.step ?? 0;
  const lines: CardLine[] = [
    { label: t('cardEventTime'), value: m.when },
    { label: t('cardEventPlace'), value: m.place },
  ];
  if (o.mine) lines.push({ label: t('cardMyReply'), value: o.mine });
  return {
    type: 'buttons',
    taskId: o.taskId ?? newTaskId(m.code, now),
    title: t('cardMeetingTitle', { code: m.code }),
    desc: m.title,
    lines,
    buttons: [
      { text: t('cardAttend'), key: tapKey('attend', step), style: 1 },
      { text: t('cardLeave'), key: tapKey('leave', step), style: 2 },
    ],
  };
}

/** The reasons a 请假 tap offers: the common ones by their place in the list, then 其他. */
export function leaveReasons(): string[] {
  return t('cardLeaveReasons').split('、');
}

export function leaveReasonCard(m: { code: string }, taskId: string, step: number): Card {
  const buttons: CardButton[] = leaveReasons().map((text, i) => ({
    text,
    key: tapKey('reason', step, String(i + 1)),
    style: 2,
  }));
  buttons.push({ text: t('cardLeaveOther'), key: tapKey('reason', step, 'other'), style: 2 });
  return {
    type: 'buttons',
    taskId,
    title: t('cardLeaveReasonsTitle', { code: m.code }),
    text: t('cardLeaveReasonsText'),
    buttons,
  };
}

/** After an answer: what was recorded, and the way to change it. */
export function meetingRepliedCard(
  m: MeetingFacts,
  answer: '参加' | '请假',
  reason: string | undefined,
  taskId: string,
  step: number,
): Card {
  const change: CardButton =
    answer === '参加'
      ? { text: t('cardChangeToLeave'), key: tapKey('leave', step), style: 2 }
      : { text: t('cardChangeToAttend'), key: tapKey('attend', step), style: 1 };
  return {
    type: 'buttons',
    taskId,
    title: t('cardRepliedTitle', { answer }),
    desc: `${m.code} ${m.title}`.slice(0, 30),
    text: t('cardRepliedText', { title: m.title, when: m.when, reason }),
    buttons: [change],
  };
}

/** 其他: the reason is typed (as the typed 请假 asks for it); the card keeps a way to attend instead. */
export function leaveOtherCard(m: { code: string }, taskId: string, step: number): Card {
  return {
    type: 'buttons',
    taskId,
    title: t('cardLeaveReasonsTitle', { code: m.code }),
    text: t('cardLeaveOtherText', { code: m.code }),
    buttons: [{ text: t('cardChangeToAttend'), key: tapKey('attend', step), style: 1 }],
  };
}

export interface ActivityFacts {
  code: string;
  title: string;
  when: string;
  place: string;
  capacity: number | null;
  confirmed: number;
  deadline?: string;
}

/** Where the person stands, when the card is for one person. */
export type MyActivityState = { kind: 'confirmed' } | { kind: 'waitlisted'; position: number } | { kind: 'none' };

function placesOf(a: ActivityFacts): string {
  return a.capacity === null
    ? t('cardPlacesUnlimited')
    : t('cardPlacesLeft', { left: Math.max(0, a.capacity - a.confirmed), capacity: a.capacity });
}

/** The activity's card: places left and 报名 / 取消报名 (one person's card shows their state and the one that fits). */
export function activityCard(
  a: ActivityFacts,
  now: Date,
  o: { mine?: MyActivityState; mineText?: string; taskId?: string; step?: number; title?: string; text?: string } = {},
): Card {
  const step = o.step ?? 0;
  const lines: CardLine[] = [
    { label: t('cardEventTime'), value: a.when },
    { label: t('cardEventPlace'), value: a.place },
    { label: t('cardPlaces'), value: placesOf(a) },
  ];
  if (a.deadline) lines.push({ label: t('cardSignupDeadline'), value: a.deadline });
  if (o.mineText) lines.push({ label: t('cardMine'), value: o.mineText });
  const signUp: CardButton = { text: t('cardSignUp'), key: tapKey('signup', step), style: 1 };
  const cancel = (waitlisted: boolean): CardButton => ({
    text: t(waitlisted ? 'cardCancelWaitlist' : 'cardCancelSignUp'),
    key: tapKey('cancel', step),
    style: 2,
  });
  const buttons =
    o.mine === undefined
      ? [signUp, cancel(false)]
      : o.mine.kind === 'none'
        ? [signUp]
        : [cancel(o.mine.kind === 'waitlisted')];
  return {
    type: 'buttons',
    taskId: o.taskId ?? newTaskId(a.code, now),
    title: o.title ?? t('cardActivityTitle', { code: a.code }),
    desc: o.title ? `${a.code} ${a.title}`.slice(0, 30) : a.title,
    ...(o.text ? { text: o.text } : {}),
    lines,
    buttons,
  };
}
