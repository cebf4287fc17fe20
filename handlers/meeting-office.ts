import { defineCommand } from '../src/commands/types';
import { t } from '../src/messages';
import { eventTimeIfGiven } from './shared/event-words';
import { formatDateTime } from '../src/time/format';

/** 会议通知: creates a meeting, announces it with @全体, plans reminders. */
export const meetingNoticeCommand = defineCommand({
  name: '会议通知',
  role: 'office',
  summary: '发会议通知（@全体），代表回执参加或请假',
  example: '会议通知 主席团会议 时间：12月1日9:00 地点：镇政府三楼会议室 类型：主席团会议',
  args: {
    options: ['时间', '地点', '类型'],
    params: [{ kind: 'text', name: 'title', label: '标题', required: true }],
    requiredOptions: ['时间'],
    anyOf: true,
    usage: 'meetingUsage',
  },
  uses: ['events'],
  async run({ params: { title = '' }, options: o, actor, msgId, now, services, config }) {
    const { meeting: m, existed } = await services.events.meetings.create({
      title,
      time: eventTimeIfGiven(o.时间, now, config.timezone),
      place: o.地点,
      type: o.类型,
      actor,
      origin: msgId,
      now,
    });
    return t('meetingCreated', {
      code: m.code,
      title: m.title,
      type: m.type,
      when: formatDateTime(m.startAt, config.timezone),
      place: m.place,
      expected: m.expectedIds.length,
      existed,
    });
  },
});

/** 修改会议 <编号> 时间：… 地点：…: everyone is told with @全体. */
export const changeMeetingCommand = defineCommand({
  name: '修改会议',
  role: 'office',
  summary: '修改会议时间或地点，@全体通知',
  example: '修改会议 HY2026-001 时间：12月2日9:00',
  args: {
    options: ['时间', '地点'],
    params: [{ kind: 'code', name: 'code', of: 'HY', required: true }],
    usage: 'meetingChangeUsage',
  },
  uses: ['events'],
  async run({ params: { code }, options: o, msgId, now, services, config }) {
    const time = eventTimeIfGiven(o.时间, now, config.timezone);
    const r = await services.events.meetings.change({ code, time, place: o.地点, origin: msgId, now });
    return t('meetingChangedReply', {
      code: r.meeting.code,
      changed: r.changed,
      when: formatDateTime(r.meeting.startAt, config.timezone),
      place: r.meeting.place,
    });
  },
});

/** 取消会议 <编号> <原因>. */
export const cancelMeetingCommand = defineCommand({
  name: '取消会议',
  role: 'office',
  summary: '取消会议并说明原因，@全体通知',
  example: '取消会议 HY2026-001 因故延期',
  args: {
    params: [
      { kind: 'code', name: 'code', of: 'HY', required: true },
      { kind: 'text', name: 'reason', label: '原因', required: true },
    ],
    usage: 'meetingCancelUsage',
  },
  uses: ['events'],
  async run({ params: { code, reason }, now, services, msgId }) {
    const r = await services.events.meetings.cancel({ code, reason, origin: msgId, now });
    return t('meetingCancelledReply', { code: r.meeting.code });
  },
});
