// Refusals as the office console says them: a form's own words, never a chat usage line (例如：交办 …).
// The chat says the same refusals with the sentences in opinions.ts (see src/refusals/chat.ts).

const list = (items: string[]) => items.map((s) => `「${s}」`).join('、');

export const refusalsText = {
  refusalOpinionNotFound: (p: { code: string }) => `没有找到建议 ${p.code}，请核对编号。`,
  refusalOpinionAlreadyAssigned: (p: { code: string; by: string; unit: string; deadline: string }) =>
    `${p.code} 已由 ${p.by} 交办给「${p.unit}」，期限 ${p.deadline}。如需换单位或期限，请改派。`,
  refusalOpinionReopened: (p: { code: string; round: number; unit: string; deadline: string }) =>
    `${p.code} 因提出人评价不满意，已转入第 ${p.round} 轮，由「${p.unit}」办理，期限 ${p.deadline}。如需换单位或期限，请改派。`,
  refusalOpinionNotFiler: (p: { code: string; action: string }) => `只有 ${p.code} 的提出人可以${p.action}。`,
  refusalOpinionCosignAgain: (p: { code: string }) => `您已经附议过 ${p.code}，每位代表附议一次即可。`,
  refusalOpinionNoteTooLong: (p: { max: number; length: number }) =>
    `评价说明有 ${p.length} 个字，超过了 ${p.max} 字的上限，请精简。`,
  refusalOpinionTextMissing: () => '请填写建议内容。',
  refusalOpinionTextTooShort: (p: { min: number }) =>
    `内容太短了（至少 ${p.min} 个字），请把问题说清楚：在哪里、什么情况、希望怎么解决。`,
  refusalOpinionUnitMissing: (p: { reassign: boolean }) =>
    p.reassign ? '请填写新的承办单位或办理期限。' : '请填写承办单位。',
  refusalOpinionUnitAmbiguous: (p: { input: string; candidates: string[] }) =>
    `「${p.input}」可能是：${list(p.candidates)}。请写全称；如果是一个新单位，请在名称后加「（新）」。`,
  refusalOpinionBadDeadline: (p: { input: string }) => `看不懂期限「${p.input}」，请选择一个日期。`,
  refusalOpinionPastDeadline: (p: { deadline: string; now: string }) =>
    `期限 ${p.deadline} 已经过去了（现在是 ${p.now}），请给一个将来的日期。`,
  refusalOpinionAnswerMissing: () => '请填写答复内容。',
  refusalOpinionReasonMissing: () => '请填写退回原因。',
  refusalStudyNotFound: (p: { code: string }) => `没有找到学习资料 ${p.code}。`,
  refusalStudyNotPushedYet: (p: { code: string; title: string }) =>
    `学习资料 ${p.code}《${p.title}》还没有推送到群里，推送后才能标记已学。`,
  refusalStudyTitleMissing: () => '请填写标题。',
  refusalAnnouncementContentMissing: () => '请填写公告内容。',
  refusalAnnouncementTimePast: (p: { when: string }) => `${p.when} 已经过去了，定时公告要选以后的时间。`,
  refusalAnnouncementNotFound: (p: { code: string }) => `没有找到公告 ${p.code}。`,
  refusalOpinionPageBeyondEnd: (p: { page: number; pages: number }) => `没有第 ${p.page} 页（共 ${p.pages} 页）。`,
};

/** The events domain's refusals as the console's pages and forms say them (no chat commands in them). */
export const eventRefusalsText = {
  refusalEventCodeInvalid: (p: { text: string }) => `「${p.text}」不是活动或会议编号。`,
  refusalEventNotFound: (p: { kind: 'activity' | 'meeting'; code: string }) =>
    `没有找到${p.kind === 'activity' ? '活动' : '会议'} ${p.code}。`,
  refusalEventCancelled: (p: { kind: 'activity' | 'meeting'; code: string; reason: string }) =>
    `${p.kind === 'activity' ? '活动' : '会议'} ${p.code} 已取消${p.reason ? `（${p.reason}）` : ''}。`,
  refusalEventAlreadyCancelled: (p: { code: string }) => `${p.code} 已经取消过了。`,
  refusalEventTitleMissing: () => '请填写标题。',
  refusalEventTimeMissing: () => '请填写开始时间。',
  refusalEventPlaceMissing: () => '请填写地点。',
  refusalEventTypeInvalid: (p: { kind: 'activity' | 'meeting'; text: string; types: string }) =>
    `没有「${p.text}」这个${p.kind === 'activity' ? '活动' : '会议'}类型。可选：${p.types}。`,
  refusalEventChangeMissing: () => '没有要修改的内容。',
  refusalActivityCapacityInvalid: (p: { text: string }) => `名额「${p.text}」要填 1 到 99999 的人数，不限名额请留空。`,
  refusalShiftStationMissing: (p: { known: string }) => `请选择联络站${p.known ? `（已有：${p.known}）` : ''}。`,
  refusalShiftNamesMissing: () => '请选择值班代表。',
  refusalStationInvalid: (p: { max: number }) => `联络站名称应为 1 到 ${p.max} 个字。`,
  refusalActivityAlreadySigned: (p: { code: string }) => `已经报名了 ${p.code}，不用重复报名。`,
  refusalActivityNotSigned: (p: { code: string }) => `没有报名 ${p.code}。`,
  refusalLeaveUsage: () => '请假要写活动或会议编号和原因。',
  refusalLeaveReasonMissing: (p: { code: string }) => `请假 ${p.code} 要写明原因。`,
  refusalEventWhich: (p: { activity: string; meeting: string }) =>
    `${p.activity} 和 ${p.meeting} 都对得上，请写完整编号。`,
  refusalCheckinUsage: () => '签到要写活动或会议编号。',
  refusalCheckinWhichOf: (p: { codes: string }) => `现在可以签到的有：${p.codes}，请写上编号。`,
  refusalCheckinNotFound: (p: { text: string }) => `没有编号为 ${p.text} 的活动或会议。`,
  refusalCheckinNothingOpen: () => '现在没有可以签到的活动、会议或值班。',
  refusalCheckinTooEarly: (p: { code: string; opens: string; closes: string }) =>
    `${p.code} 还没到签到时间（签到时间：${p.opens} 至 ${p.closes}）。`,
  refusalCheckinNotSigned: (p: { code: string }) => `${p.code} 只有报名的代表才能签到。`,
  refusalRoomCodeNeeded: (p: { code: string }) => `${p.code} 需要现场签到码（会场屏幕上的 4 位数字）。`,
  refusalRoomCodeWrong: (p: { given: string }) => `签到码 ${p.given} 不对，请看会场屏幕上当前的数字。`,
  refusalActivitySignupClosed: (p: { code: string; deadline: string }) =>
    `活动 ${p.code} 的报名已于 ${p.deadline} 截止，不能再报名或取消。`,
  refusalShiftNoneToday: () => '近期没有值班安排。',
  refusalRoomCodeExpired: (p: { given: string }) => `签到码 ${p.given} 已过期（签到码每分钟更换）。`,
  refusalRosterNotFound: (p: { name: string }) => `名册中没有在册的「${p.name}」。`,
  refusalRosterBadName: () => '姓名应为1到20个字。',
  refusalRosterBadPhone: (p: { phone: string }) =>
    `「${p.phone}」不是有效的电话号码：请写11位手机号，或带区号的固定电话（如 0571-88886666）。`,
  refusalRosterNameTaken: (p: { name: string; userid: string }) =>
    `名册中已有另一位「${p.name}」（${p.userid}）。同名代表请在姓名后加区分，如「${p.name}（东村）」。`,
  refusalRosterOfficeConcurrent: () =>
    '另一项人大办权限变更正同时进行；为保证至少保留一位人大办工作人员，本次未执行。请刷新名册确认后再试。',
};
