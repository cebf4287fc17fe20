// Chinese text for meetings (会议): notices, reply slips (回执), leave (请假), tallies and reminders.
import { before } from './events';

const names = (list: string[]) => (list.length ? list.join('、') : '无');

export const meetings = {
  meetingUsage: () =>
    '格式：会议通知 <标题> 时间：… 地点：… [类型：人代会|主席团会议|其他]\n例：会议通知 镇第十八届人大第五次会议 时间：12月1日9:00 地点：镇政府大会议室 类型：人代会',
  meetingTypeInvalid: (p: { text: string; types: string }) =>
    `没有「${p.text}」这个会议类型。可选：${p.types}。例：类型：主席团会议`,
  meetingCreated: (p: {
    code: string;
    title: string;
    type: string;
    when: string;
    place: string;
    expected: number;
    existed: boolean;
  }) =>
    `${p.existed ? '这条会议通知已经发过：' : '已发出会议通知（@全体）：'}\n${p.code} ${p.title}（${p.type}）\n时间：${p.when}\n地点：${p.place}\n应到 ${p.expected} 人。查看回执：会议 ${p.code}`,
  meetingNotFound: (p: { code: string }) => `没有找到会议 ${p.code}。发送「会议」查看近期会议和编号。`,
  meetingCancelled: (p: { code: string; reason: string }) =>
    `会议 ${p.code} 已取消${p.reason ? `（${p.reason}）` : ''}，无需回执。`,
  meetingOver: (p: { code: string }) => `会议 ${p.code} 已经结束，不能再修改或取消。`,
  meetingCancelledDetail: (p: { code: string; title: string; when: string; reason?: string }) =>
    `会议 ${p.code} ${p.title}（原定 ${p.when}）已取消${p.reason ? `，原因：${p.reason}` : ''}，无需回执或签到。`,
  meetingAlreadyCancelled: (p: { code: string }) => `会议 ${p.code} 已经取消过了。`,
  meetingReplyClosed: (p: { code: string; when: string }) =>
    `会议 ${p.code} 已于 ${p.when} 开始，回执已截止。如有情况请直接联系人大办。`,
  meetingLeaveNeedsReason: (p: { code: string }) => `请假请写明原因。例：请假 ${p.code} 外出学习`,
  meetingReplyUsage: () => '格式：回执 <编号> 参加|请假 <原因>\n例：回执 HY2026-001 参加；请假 HY2026-001 外出学习',
  meetingReplied: (p: {
    code: string;
    title: string;
    when: string;
    answer: string;
    reason?: string;
    changed: boolean;
  }) =>
    `${p.changed ? '已更新' : '已收到'}您的回执：${p.code} ${p.title}（${p.when}）——${p.answer}${p.reason ? `（${p.reason}）` : ''}。\n会议开始前都可以改：${p.answer === '参加' ? `请假 ${p.code} <原因>` : `参加 ${p.code}`}`,
  meetingListEmpty: () => '近期没有会议。',
  meetingListHeader: () => '近期会议：',
  meetingListLine: (p: { code: string; title: string; when: string; place: string; mine: string }) =>
    `- ${p.code} ${p.title}\n  ${p.when} · ${p.place}\n  我的回执：${p.mine}`,
  meetingListFooter: () => '回执：参加 <编号>，或 请假 <编号> <原因>；到场签到：签到 <编号>',
  mineReplyNone: () => '未回执',
  mineReplyAttend: () => '参加',
  mineReplyLeave: (p: { reason: string }) => `请假（${p.reason}）`,
  mineCheckedIn: () => '已签到',
  meetingTally: (p: {
    code: string;
    title: string;
    when: string;
    expected: number;
    attending: string[];
    excused: Array<{ name: string; reason: string }>;
    silent: string[];
    attended: string[];
    remindBefore: number[];
  }) =>
    [
      `${p.code} ${p.title}（${p.when}）回执情况：应到 ${p.expected} 人`,
      `参加 ${p.attending.length} 人：${names(p.attending)}`,
      `请假 ${p.excused.length} 人：${p.excused.length ? p.excused.map((e) => `${e.name}（${e.reason}）`).join('、') : '无'}`,
      `未回执 ${p.silent.length} 人：${names(p.silent)}`,
      ...(p.attended.length ? [`已签到 ${p.attended.length} 人：${names(p.attended)}`] : []),
      `会前${p.remindBefore.map(before).join('、')}的提醒会在群里点名未回执的代表。`,
    ].join('\n'),
  meetingTallyOver: (p: {
    code: string;
    title: string;
    when: string;
    expected: number;
    attended: string[];
    excused: Array<{ name: string; reason: string }>;
    absent: string[];
  }) =>
    [
      `${p.code} ${p.title}（${p.when}）出席情况：应到 ${p.expected} 人`,
      `出席 ${p.attended.length} 人：${names(p.attended)}`,
      `请假 ${p.excused.length} 人：${p.excused.length ? p.excused.map((e) => `${e.name}（${e.reason}）`).join('、') : '无'}`,
      `缺席 ${p.absent.length} 人：${names(p.absent)}`,
    ].join('\n'),
  meetingDetail: (p: { code: string; title: string; type: string; when: string; place: string; mine: string }) =>
    `${p.code} ${p.title}（${p.type}）\n时间：${p.when}\n地点：${p.place}\n我的回执：${p.mine}\n回执：参加 ${p.code}，或 请假 ${p.code} <原因>`,
  meetingChangeUsage: () => '格式：修改会议 <编号> [时间：…] [地点：…]\n例：修改会议 HY2026-001 时间：12月2日9:00',
  meetingCancelUsage: () => '格式：取消会议 <编号> <原因>\n例：取消会议 HY2026-001 因故延期，另行通知',
  meetingChangedReply: (p: { code: string; changed: string[]; when: string; place: string }) =>
    `已修改 ${p.code}（${p.changed.join('、')}），已@全体通知。\n时间：${p.when}\n地点：${p.place}\n已交的回执仍然有效。`,
  meetingCancelledReply: (p: { code: string }) => `已取消 ${p.code}，已@全体通知。`,
  meetingAnnouncePush: (p: { code: string; title: string; type: string; when: string; place: string }) =>
    `**会议通知 ${p.code}**\n${p.title}（${p.type}）\n> 时间：${p.when}\n> 地点：${p.place}\n\n请每位代表回执：参加 ${p.code}，或 请假 ${p.code} <原因>`,
  meetingMentionAllText: (p: { code: string }) => `请各位代表查看会议通知 ${p.code} 并及时回执。`,
  meetingChangedPush: (p: { code: string; title: string; changed: string[]; when: string; place: string }) =>
    `**会议变更 ${p.code}**（${p.changed.join('、')}有变化）\n${p.title}\n> 时间：${p.when}\n> 地点：${p.place}\n\n已交的回执仍然有效；不能参加请发：请假 ${p.code} <原因>`,
  meetingCancelledPush: (p: { code: string; title: string; when: string; reason: string }) =>
    `**会议取消 ${p.code}**\n${p.title}（原定 ${p.when}）已取消。\n> 原因：${p.reason}`,
  meetingReminderPush: (p: {
    code: string;
    title: string;
    when: string;
    place: string;
    minutesBefore: number;
    silentNames: string[];
  }) =>
    `**会议提醒**（约${before(p.minutesBefore)}后开始）\n${p.code} ${p.title}\n> 时间：${p.when}\n> 地点：${p.place}` +
    (p.silentNames.length
      ? `\n\n以下代表还没有回执，请尽快回复（参加 ${p.code} 或 请假 ${p.code} <原因>）：${p.silentNames.join('、')}`
      : `\n\n到场后发：签到 ${p.code}`),

  replyIsForMeetings: (p: { code: string }) => `${p.code} 是活动，回执只用于会议。报名活动请发：报名 ${p.code}`,
  leaveUsage: () =>
    '格式：请假 <编号> <原因>\n例：请假 HY2026-001 外出学习（会议）；请假 HD2026-001 家中有事（已报名的活动）',
  leaveWhich: (p: { activity: string; meeting: string }) =>
    `这个序号既是会议 ${p.meeting}，也是您报名的活动 ${p.activity}，请写完整编号重发。例：请假 ${p.meeting} <原因>，或 请假 ${p.activity} <原因>`,
  leaveNeedsReason: (p: { code: string }) => `请假请写明原因。例：请假 ${p.code} 外出学习`,
};
