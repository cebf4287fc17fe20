// Chinese text for 公告 (announcements): replies to the office and the group push itself.
import { ANNOUNCEMENT_STATUS_LABELS, labelOf } from '../contracts/labels';

export const announcements = {
  announcePush: (p: { code: string; content: string; author: string }) =>
    `**【公告】**\n${p.content}\n\n<font color="comment">人大办 ${p.author} · ${p.code}</font>`,
  announceMentionAllText: () => '请各位代表查看上面的公告。',
  announceUsage: () =>
    '公告命令：\n- 公告 <内容>：立即发到群里\n- 公告@全体 <内容>：发到群里并提醒所有人\n- 公告 时间：明天上午9点 <内容>：定时发送\n- 公告列表：查看最近和待发的公告\n- 公告 撤销 GG2026-001：撤销待发的公告',
  announceEmpty: () => '公告内容不能为空。例：公告 本周五下午3点在镇政府三楼会议室召开代表小组会议，请准时参加。',
  announceTooLong: (p: { max: number; length: number }) =>
    `公告最长 ${p.max} 字，这条有 ${p.length} 字。请删减后重新发送，或分成两条公告。`,
  announceBadTime: (p: { input: string }) =>
    `没看懂时间「${p.input}」。请这样写：公告 时间：11月25日 14:30 <内容>，或「时间：明天上午9点」「时间：下周三下午3点」。`,
  announceNeedTime: (p: { when: string }) =>
    `「${p.when}」只有日期，请写上几点发送。例：公告 时间：${p.when} 09:00 <内容>`,
  announceTimePast: (p: { when: string }) =>
    `${p.when} 已经过去了，定时公告要选以后的时间。要立即发送，请去掉「时间：…」。`,
  announceTimeTooFar: (p: { when: string; days: number }) => `${p.when} 太远了：定时公告最多提前 ${p.days} 天安排。`,
  announcePosted: (p: { code: string; mentionAll: boolean }) =>
    `公告 ${p.code} 已发到群里${p.mentionAll ? '，并提醒了所有人' : ''}。发送「公告列表」查看最近的公告。`,
  announceScheduled: (p: { code: string; when: string; mentionAll: boolean; preview: string }) =>
    `已安排公告 ${p.code}：将于 ${p.when} 发到群里${p.mentionAll ? '并提醒所有人' : ''}。\n内容：${p.preview}\n时间或内容不对？发送「公告 撤销 ${p.code}」撤销后重新安排。`,
  announceScheduleNoContent: (p: { when: string }) =>
    `请在时间后面写公告内容。例：公告 时间：${p.when} 请各位代表按时参加培训`,
  announceBadCode: (p: { input: string }) =>
    `「${p.input}」不是公告编号。例：公告 撤销 GG2026-001（发送「公告列表」查看编号）`,
  announceRevokeUsage: () => '请写要撤销的公告编号。例：公告 撤销 GG2026-001（发送「公告列表」查看编号）',
  announceNotFound: (p: { code: string }) => `没有找到公告 ${p.code}。发送「公告列表」查看编号。`,
  announceRevoked: (p: { code: string; when: string }) => `已撤销公告 ${p.code}（原定 ${p.when} 发送），不会再发出。`,
  announceAlreadyRevoked: (p: { code: string }) => `公告 ${p.code} 之前已经撤销了，不会发出。`,
  announceAlreadyExpired: (p: { code: string }) => `公告 ${p.code} 因超时没有发出，无需撤销。`,
  announceAlreadySent: (p: { code: string }) => `公告 ${p.code} 已经发到群里，无法撤销。如需更正，请再发一条公告说明。`,
  announceListEmpty: () => '还没有公告。例：公告 本周五下午3点召开代表小组会议，请准时参加。',
  announceListScheduled: () => '**待发的公告**',
  announceListRecent: () => '**最近的公告**',
  announceListLine: (p: { code: string; status: string; when: string; preview: string }) =>
    `- ${p.code} ${labelOf(ANNOUNCEMENT_STATUS_LABELS, p.status)} ${p.when} · ${p.preview}`,
  announceListFooter: () => '撤销待发的公告：公告 撤销 <编号>',
  announceExpiredNotice: (p: { code: string; when: string; title: string }) =>
    `定时公告 ${p.code}「${p.title}」原定 ${p.when} 发送，但助手当时不在线，超过时限后没有补发。请确认内容是否仍然需要，需要的话请重新发送。`,
};
