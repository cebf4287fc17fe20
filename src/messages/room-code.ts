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
