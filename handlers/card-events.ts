import { defineCardTap } from '../src/commands/card-taps';
import { activityCard, leaveOtherCard, leaveReasonCard, leaveReasons, meetingRepliedCard } from '../src/cards';
import { t } from '../src/messages';
import { refuse } from '../src/refusals';
import { activityFacts, meetingFacts, myActivityState } from './shared/event-cards';

// Taps on meeting and activity cards: the use cases of 回执 / 请假 and 报名 / 取消报名.

/** 参加 on a meeting card: the typed 回执 <编号> 参加. */
export const attendTap = defineCardTap({
  on: 'HY',
  action: 'attend',
  role: 'deputy',
  command: '回执',
  uses: ['events'],
  async run({ subject, actor, now, services, config, taskId, step }) {
    const r = await services.events.meetings.reply(subject, actor.userid, '参加', undefined, now);
    const facts = meetingFacts(r.meeting, config.timezone);
    const card = meetingRepliedCard(facts, '参加', undefined, taskId, step);
    return { text: t('meetingReplied', { ...facts, answer: '参加', changed: r.previous !== undefined }), card };
  },
});

/** 请假 on a meeting card: the common reasons and 其他 (nothing recorded until a reason is chosen). */
export const leaveTap = defineCardTap({
  on: 'HY',
  action: 'leave',
  role: 'deputy',
  command: '回执',
  uses: ['events'],
  async run({ subject, now, services, taskId, step }) {
    // Read first, so a cancelled or unknown meeting says so now rather than after the reason.
    const m = await services.events.meetings.byCode(subject, now);
    if (m.status === 'cancelled')
      refuse('event.cancelled', { kind: 'meeting', code: m.code, reason: m.cancelReason ?? '' });
    if (m.startAt <= now) refuse('meeting.replyClosed', { code: m.code, startAt: m.startAt });
    const card = leaveReasonCard(m, taskId, step);
    return { text: t('cardLeaveReasonsText'), card };
  },
});

/** A reason on the 请假 card: the typed 请假 <编号> <原因>; 其他 asks for the reason as the typed 请假 does. */
export const leaveReasonTap = defineCardTap({
  on: 'HY',
  action: 'reason',
  role: 'deputy',
  command: '请假',
  uses: ['events'],
  async run({ subject, arg, actor, now, services, config, taskId, step }) {
    const reason = leaveReasons()[Number(arg) - 1];
    if (!reason) {
      const text = t('cardLeaveOtherText', { code: subject });
      return { text, card: leaveOtherCard({ code: subject }, taskId, step) };
    }
    const r = await services.events.meetings.reply(subject, actor.userid, '请假', reason, now);
    const facts = meetingFacts(r.meeting, config.timezone);
    const card = meetingRepliedCard(facts, '请假', reason, taskId, step);
    return { text: t('meetingReplied', { ...facts, answer: '请假', reason, changed: r.previous !== undefined }), card };
  },
});

/** 报名 on an activity card: the typed 报名 <编号>; the card shows the places left or my waitlist place. */
export const signUpTap = defineCardTap({
  on: 'HD',
  action: 'signup',
  role: 'deputy',
  command: '报名',
  uses: ['events', 'holidays'],
  async run({ subject, actor, now, services, config, taskId, step }) {
    const r = await services.events.activities.signUp(subject, actor.userid, now);
    const facts = activityFacts(r.activity, config.timezone, services.holidays.calendar());
    const waitlisted = r.outcome === 'waitlisted';
    const title = waitlisted ? t('cardWaitlistedTitle', { position: r.position }) : t('cardSignedUpTitle');
    const text = waitlisted ? t('cardWaitlistText', { position: r.position }) : undefined;
    const card = activityCard(facts, now, { ...myActivityState(r.activity, actor.userid), taskId, step, title, text });
    return { text: waitlisted ? (text ?? title) : `${title} ${facts.code} ${facts.title}`, card };
  },
});

/** 取消报名 on an activity card: the typed 取消报名 <编号>; whoever moves up is told as the typed one tells them. */
export const cancelSignUpTap = defineCardTap({
  on: 'HD',
  action: 'cancel',
  role: 'deputy',
  command: '取消报名',
  uses: ['events', 'roster', 'holidays'],
  async run({ subject, actor, now, services, config, taskId, step }) {
    const r = await services.events.activities.cancelSignup(subject, actor.userid, now);
    const names = await services.roster.namesOf(r.promoted);
    const promoted = r.promoted.map((u) => names.get(u) ?? u);
    const facts = activityFacts(r.activity, config.timezone, services.holidays.calendar());
    const title = t('cardSignupCancelledTitle', { wasConfirmed: r.wasConfirmed });
    const text = promoted.length ? t('cardPromoted', { names: promoted }) : undefined;
    const card = activityCard(facts, now, { ...myActivityState(r.activity, actor.userid), taskId, step, title, text });
    return {
      text: t('activitySignupCancelled', { code: r.activity.code, wasConfirmed: r.wasConfirmed, promoted }),
      card,
    };
  },
});
