// Chinese text for the check-in code shown on the meeting-room screen (签到码).

export const roomCodeText = {
  roomCodeNeeded: (p: { code: string }) =>
    `${p.code} 需要现场签到码：请看会场屏幕上的 4 位数字，发送：签到 ${p.code} <签到码>，例：签到 ${p.code} 4827`,
  roomCodeWrong: (p: { code: string; given: string }) =>
    `签到码 ${p.given} 不对。请看会场屏幕上当前的 4 位数字重发：签到 ${p.code} <签到码>`,
  roomCodeExpired: (p: { code: string; given: string }) =>
    `签到码 ${p.given} 已过期（签到码每分钟更换）。请看会场屏幕上当前的数字重发：签到 ${p.code} <签到码>`,
  roomCodeCancelled: (p: { code: string }) => `${p.code} 已取消，不能开启签到码。`,
  roomCodeOnlyEvents: () => '签到码只用于活动（HD）和会议（HY）。',
};

/** One event's list (.xlsx) from the console: sheet headers and the list each person is on. */
export const eventListText = {
  headers: ['名单', '姓名', '时间', '原因', '签到时间'],
  signedUp: '已报名',
  waitlist: (n: number) => `候补第${n}位`,
  leave: '请假（取消报名）',
  attending: '回执：参加',
  excused: '回执：请假',
  silent: '未回执',
  walkIn: '签到（未在名单）',
  fileName: (code: string, title: string) => `${code} ${title} 名单`,
};
