import { extractOptions, splitFirst } from '../src/commands/args';
import type { Command } from '../src/commands/types';
import { t } from '../src/messages';
import { formatDateTime } from '../src/time/format';

/** 会议通知: creates a meeting, announces it with @全体, plans reminders. */
export const meetingNoticeCommand: Command = {
  name: '会议通知',
  role: 'office',
  summary: '发会议通知（@全体），代表回执参加或请假',
  example: '会议通知 主席团会议 时间：12月1日9:00 地点：镇政府三楼会议室 类型：主席团会议',
  async run({ args, actor, msgId, now, services, config }) {
    const { options: o, rest } = extractOptions(args, ['时间', '地点', '类型']);
    if (!rest && !o.时间) return t('meetingUsage');
    const { meeting: m, existed } = await services.events.meetings.create({ title: rest, time: o.时间, place: o.地点, type: o.类型, actor, origin: msgId, now });
    return t('meetingCreated', { code: m.code, title: m.title, type: m.type, when: formatDateTime(m.startAt, config.timezone), place: m.place, expected: m.expectedIds.length, existed });
  },
};

/** 修改会议 <编号> 时间：… 地点：…: everyone is told with @全体. */
export const changeMeetingCommand: Command = {
  name: '修改会议',
  role: 'office',
  summary: '修改会议时间或地点，@全体通知',
  example: '修改会议 HY2026-001 时间：12月2日9:00',
  async run({ args, msgId, now, services, config }) {
    const { options: o, rest } = extractOptions(args, ['时间', '地点']);
    const [code] = splitFirst(rest);
    if (!code) return t('meetingChangeUsage');
    const r = await services.events.meetings.change({ code, time: o.时间, place: o.地点, origin: msgId, now });
    return t('meetingChangedReply', { code: r.meeting.code, changed: r.changed, when: formatDateTime(r.meeting.startAt, config.timezone), place: r.meeting.place });
  },
};

/** 取消会议 <编号> <原因>. */
export const cancelMeetingCommand: Command = {
  name: '取消会议',
  role: 'office',
  summary: '取消会议并说明原因，@全体通知',
  example: '取消会议 HY2026-001 因故延期',
  async run({ args, now, services, msgId }) {
    const [code, reason] = splitFirst(args);
    if (!code || !reason) return t('meetingCancelUsage');
    const r = await services.events.meetings.cancel({ code, reason, origin: msgId, now });
    return t('meetingCancelledReply', { code: r.meeting.code });
  },
};
