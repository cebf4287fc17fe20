import { splitFirst } from '../src/commands/args';
import { defineCommand } from '../src/commands/types';
import { UserError } from '../src/errors';
import { t } from '../src/messages';
import { eventKindOf } from '../src/services/events';
import { formatDateTime } from '../src/time/format';
import { meetingCard } from '../src/cards';
import { meetingFacts } from './shared/event-cards';
import { myReply, shownReason } from './shared/event-format';

const ATTEND = /^(参加|出席|参会|到会)$/;
const LEAVE = /^请假$/;

/** What follows the answer word: an optional `原因：` label and separators are not part of the reason. */
function cleanReason(text: string): string {
  return text.replace(/^[\s:：,，]*(原因[:：]?)?\s*/, '').trim();
}

/** 会议: my upcoming meetings; with a code, one meeting (office staff: the reply-slip tally). */
export const meetingsCommand = defineCommand({
  name: '会议',
  role: 'deputy',
  summary: '近期会议和我的回执；人大办加编号可看回执统计',
  example: '会议',
  args: { params: [{ kind: 'code', name: 'code', of: 'HY' }] },
  uses: ['events'],
  readOnly: true,
  async run({ params: { code }, actor, now, services, config }) {
    const tz = config.timezone;
    const meetings = services.events.meetings;
    if (code) {
      const m = await meetings.byCode(code, now);
      const base = { code: m.code, title: m.title, when: formatDateTime(m.startAt, tz) };
      if (m.status === 'cancelled')
        return t('meetingCancelledDetail', { ...base, reason: shownReason(m.cancelReason) });
      if (!actor.isOffice) {
        const mine = myReply(m, actor.userid);
        const text = t('meetingDetail', { ...base, type: m.type, place: m.place, mine });
        // Before it starts, a deputy answers by tapping where the channel shows cards.
        return m.startAt > now ? { text, card: meetingCard(meetingFacts(m, tz), now, { mine }) } : text;
      }
      const tally = await meetings.tally(m, now);
      const remindBefore = [...new Set(config.tunables.reminders.beforeMinutes)].sort((a, b) => b - a);
      return tally.over
        ? t('meetingTallyOver', { ...base, ...tally })
        : t('meetingTally', { ...base, ...tally, remindBefore });
    }
    const list = await meetings.listCurrent(now);
    if (list.length === 0) return t('meetingListEmpty');
    const lines = list.map((m) =>
      t('meetingListLine', {
        code: m.code,
        title: m.title,
        when: formatDateTime(m.startAt, tz),
        place: m.place,
        mine: myReply(m, actor.userid),
      }),
    );
    return [t('meetingListHeader'), ...lines, t('meetingListFooter')].join('\n');
  },
});

/** 回执 <编号> 参加|请假 <原因>, and its short form 参加 <编号>. */
export const replyCommand = defineCommand({
  name: '回执',
  aliases: ['参加'],
  role: 'deputy',
  summary: '回复会议通知：参加，或请假并写原因',
  example: '回执 HY2026-001 参加',
  args: {
    params: [
      { kind: 'code', name: 'code', of: 'HY', required: true },
      { kind: 'text', name: 'rest', label: '参加|请假 原因' },
    ],
    usage: 'meetingReplyUsage',
  },
  uses: ['events'],
  async run({ params: { code, rest = '' }, invokedAs, actor, now, services, config }) {
    if (eventKindOf(code) === 'HD') throw new UserError('replyIsForMeetings', { code });
    const [word, after] = invokedAs === '回执' ? splitFirst(rest) : ['参加', ''];
    if (!ATTEND.test(word) && !LEAVE.test(word)) return t('meetingReplyUsage');
    const answer = ATTEND.test(word) ? '参加' : '请假';
    const reason = answer === '请假' ? cleanReason(after) : undefined;
    const r = await services.events.meetings.reply(code, actor.userid, answer, reason, now);
    const m = r.meeting;
    return t('meetingReplied', {
      code: m.code,
      title: m.title,
      when: formatDateTime(m.startAt, config.timezone),
      answer,
      reason: shownReason(reason),
      changed: r.previous !== undefined,
    });
  },
});

/** 请假 <编号> <原因>: a meeting reply slip, or leave from an activity I signed up for. */
export const leaveCommand = defineCommand({
  name: '请假',
  role: 'deputy',
  summary: '会议请假，或已报名活动请假（需写原因）',
  example: '请假 HY2026-001 外出学习',
  args: {
    params: [
      { kind: 'code', name: 'code', of: 'HD|HY', required: true },
      { kind: 'text', name: 'reason', label: '原因' },
    ],
    usage: 'leaveUsage',
  },
  uses: ['events', 'roster'],
  async run({ params: { code, reason: rest = '' }, actor, now, services, config }) {
    const r = await services.events.leave(code, actor.userid, cleanReason(rest), now);
    if (r.kind === 'activity') {
      const names = await services.roster.namesOf(r.promoted);
      return t('activityLeaveRecorded', {
        code: r.activity.code,
        wasConfirmed: r.wasConfirmed,
        promoted: r.promoted.map((u) => names.get(u) ?? u),
      });
    }
    const m = r.meeting;
    const reason = shownReason(m.replies.find((x) => x.userid === actor.userid)?.reason);
    return t('meetingReplied', {
      code: m.code,
      title: m.title,
      when: formatDateTime(m.startAt, config.timezone),
      answer: '请假',
      reason,
      changed: r.previous !== undefined,
    });
  },
});
