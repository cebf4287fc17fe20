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
