import { RESOLUTION_LABELS, RESOLUTIONS } from '../contracts/labels';

/** A 落实 class as people read it: `A 已解决`. */
const classLabel = (r: string) => `${r} ${RESOLUTION_LABELS[r as keyof typeof RESOLUTION_LABELS] ?? ''}`.trim();
/** The four classes in one line, for usage hints. */
const classList = () => RESOLUTIONS.map(classLabel).join('、');

// The handling units' loop (承办单位): 落实 classes, unit contacts, the unit's answer and the office's review.
export const units = {
  resolutionLabel: (p: { resolution: string }) => classLabel(p.resolution),
  resolutionMissing: (p: { code: string }) =>
    `请在答复内容前写上落实分类（${classList()}），例如：答复 ${p.code} A 已于11月20日完成路灯维修`,
  resolutionBad: (p: { code: string; input: string }) =>
    `「${p.input}」不是落实分类，只能是 ${classList()}。例如：答复 ${p.code} B 已列入明年道路改造计划`,
  refusalResolutionMissing: () => `请选择落实分类（${classList()}）。`,

  shareWordBad: (p: { input: string }) =>
    `看不懂「联系方式：${p.input}」。要把群众的联系方式转交承办单位写「联系方式：提供」，不转交写「联系方式：不提供」（默认不转交）。`,
  // -- unit contacts (单位)
  unitContactUsage: () =>
    '承办单位联系人：\n单位 添加 <单位> <账号> <姓名>（例：单位 添加 住建办 zhangjian 张建）\n单位 删除 <单位> <账号>\n单位（列出各单位及联系人）',
  unitNameTooLong: (p: { max: number }) => `单位名称不超过 ${p.max} 个字。`,
  unitNotFound: (p: { unit: string }) => `没有名为「${p.unit}」的承办单位。发送「单位」查看已有单位。`,
  unitContactExists: (p: { unit: string; userid: string; name: string }) =>
    `${p.name}（${p.userid}）已是「${p.unit}」的联系人。`,
  unitContactNotFound: (p: { unit: string; userid: string }) =>
    `「${p.unit}」没有账号为 ${p.userid} 的联系人。发送「单位」查看各单位的联系人。`,
  unitContactAdded: (p: { unit: string; userid: string; name: string; matched?: string; isNew: boolean }) =>
    [
      `已把 ${p.name}（${p.userid}）设为「${p.unit}」的联系人。`,
      p.matched ? `（「${p.matched}」按已有单位「${p.unit}」处理。）` : '',
      p.isNew ? '这是一个新单位，已记住。' : '',
      '交办、改派给该单位的建议会单聊通知联系人；联系人单聊助手发送「待办」查看、「答复」答复。',
    ]
      .filter(Boolean)
      .join('\n'),
  unitContactRemoved: (p: { unit: string; userid: string; left: number }) =>
    `已从「${p.unit}」的联系人中删除 ${p.userid}${p.left ? `，还有 ${p.left} 位联系人` : '；该单位已没有联系人，交办后请人大办转告并录入答复'}。`,
  unitListEmpty: () => '还没有承办单位。交办时写的单位会被记住，也可以：单位 添加 <单位> <账号> <姓名>',
  unitListHeader: (p: { count: number }) => `**承办单位及联系人**（${p.count} 个单位）`,
  unitListLine: (p: { unit: string; contacts: string }) => `- ${p.unit}：${p.contacts || '（未设联系人）'}`,
  unitListFooter: () => '添加：单位 添加 <单位> <账号> <姓名>；删除：单位 删除 <单位> <账号>',

  // -- a unit contact's rights
  contactOnlyCommand: (p: { command: string; units: string }) =>
    `您是「${p.units}」的承办单位联系人，可以使用：待办、答复、进度、登录、帮助。「${p.command}」请联系人大办。`,
  contactCommandOnly: (p: { command: string; office: boolean }) =>
    `「${p.command}」是承办单位联系人用的命令。${p.office ? '人大办查看逾期和待审核的建议请发送「督办」。' : ''}`,
  unitNotYourCase: (p: { code: string }) =>
    `${p.code} 不是贵单位正在办理的建议，或编号有误。发送「待办」查看贵单位的待办件。`,
  unitAnswerInGroup: (p: { code: string }) =>
    `为保护提出人的信息，请单聊助手发送答复：答复 ${p.code} <A|B|C|D> <答复内容>`,
  helpContactHeader: (p: { name: string; units: string }) =>
    `${p.name}，您好！您是「${p.units}」的承办单位联系人（请单聊助手使用）：`,
  helpContactSection: () => '**承办单位联系人**',

  // -- the case reaches the unit
  unitNoticeAssigned: (p: {
    unit: string;
    code: string;
    title: string;
    content: string;
    shared: boolean;
    deadline: string;
    workdays: number;
    round: number;
    reassigned: boolean;
    review: boolean;
  }) =>
    [
      `**${p.unit}**：人大办${p.reassigned ? '改派' : '交办'}给贵单位一件代表建议${p.round > 1 ? `（第 ${p.round} 轮）` : ''}`,
      `**${p.code}** ${p.title}`,
      `办理期限：${p.deadline}（还有 ${p.workdays} 个工作日）`,
      `内容：${p.content}${p.shared ? `\n人大办已同意转交群众的联系方式：单聊发送「进度 ${p.code}」查看。` : ''}`,
      '',
      `请单聊助手答复：答复 ${p.code} <A|B|C|D> <答复内容>`,
      `落实分类：${classList()}`,
      p.review ? '答复经人大办审核后转给提出人。' : '答复会直接转给提出人。',
      '发送「待办」查看贵单位的全部待办件。',
    ].join('\n'),
  unitNoticeAssignedGroup: (p: { unit: string; code: string; title: string }) =>
    `「${p.unit}」：人大办交办给贵单位一件代表建议 **${p.code}** ${p.title}。请单聊助手发送「待办」查看并答复。`,
  unitNoticeReassignedAway: (p: { unit: string; code: string; title: string }) =>
    `「${p.unit}」：代表建议 **${p.code}**「${p.title}」已由人大办改派给其他单位办理，贵单位不用再答复。`,
  unitNoticeReassignedAwayGroup: (p: { unit: string; code: string }) =>
    `「${p.unit}」：代表建议 ${p.code} 已改派给其他单位，贵单位不用再答复。`,
  unitNoticeReviewGroup: (p: { code: string }) =>
    `您提交的 ${p.code} 答复有审核结果，请单聊助手发送「进度 ${p.code}」查看。`,
  todoEmpty: (p: { units: string }) => `「${p.units}」目前没有待答复的建议。`,
  todoHeader: (p: { units: string; count: number }) => `**${p.units} 待办**（${p.count} 件，期限近的在前）`,
  todoLine: (p: {
    code: string;
    title: string;
    unit?: string;
    deadline: string;
    workdays: number;
    overdue: boolean;
    pending: boolean;
    returned: boolean;
  }) =>
    `- ${p.code} ${p.title}${p.unit ? `（${p.unit}）` : ''} · 期限 ${p.deadline}${p.overdue ? ' · **已逾期**' : `（还有 ${p.workdays} 个工作日）`}${p.pending ? ' · 已提交，待人大办审核' : ''}${p.returned ? ' · 答复被退回，请重新答复' : ''}`,
  todoFooter: () => '答复：答复 <编号> <A|B|C|D> <答复内容>；查看详情：进度 <编号>',

  // -- the unit answers; the office reviews
  unitAnswerSubmitted: (p: { code: string; review: boolean; late: boolean }) =>
    p.review
      ? `已提交 ${p.code} 的答复${p.late ? '（已超过办理期限）' : ''}，等待人大办审核；通过后转给提出人，退回会告诉您原因。`
      : `已提交 ${p.code} 的答复${p.late ? '（已超过办理期限）' : ''}，已转给提出人并请其评价。`,
  reviewNoticeSubmitted: (p: {
    code: string;
    title: string;
    unit: string;
    name: string;
    resolution: string;
    answer: string;
  }) =>
    `「${p.unit}」${p.name} 提交了 **${p.code}**「${p.title}」的答复（${p.resolution}）：\n> ${p.answer.replace(/\n/g, '\n> ')}\n\n审核：审核 ${p.code} 通过\n或退回修改：审核 ${p.code} 退回 <原因>`,
  reviewNoticeSubmittedGroup: (p: { code: string; unit: string }) =>
    `「${p.unit}」提交了 ${p.code} 的答复，等待审核：请单聊助手发送「进度 ${p.code}」查看。`,
  reviewUsage: (p: { code: string }) => `审核单位答复：审核 ${p.code} 通过；或：审核 ${p.code} 退回 <原因>`,
  reviewNothingPending: (p: { code: string; status: string }) =>
    `${p.code} 没有待审核的单位答复（目前是「${p.status}」）。发送「督办」查看待审核的答复。`,
  reviewReasonUsage: (p: { code: string }) => `请写明退回原因，例如：审核 ${p.code} 退回 请补充完成时间`,
  reviewReasonTooLong: (p: { max: number; length: number }) =>
    `退回原因有 ${p.length} 个字，超过了 ${p.max} 字的上限，请写明要点后再发。`,
  reviewApproved: (p: { code: string; late: boolean }) =>
    `已审核通过 ${p.code} 的答复${p.late ? '（答复时已超过办理期限）' : ''}，已转给提出人并请其评价。`,
  reviewReturned: (p: { code: string; unit: string; name: string }) =>
    `已退回 ${p.code} 的答复，已把原因告诉「${p.unit}」${p.name}。`,
  unitNoticeReturned: (p: { code: string; title: string; reason: string }) =>
    `您提交的 **${p.code}**「${p.title}」答复被人大办退回：\n原因：${p.reason}\n请修改后重新发送：答复 ${p.code} <A|B|C|D> <答复内容>`,
  unitNoticeApproved: (p: { code: string; title: string }) =>
    `您提交的 **${p.code}**「${p.title}」答复已审核通过，已转给提出人。`,
  overduePendingHeader: (p: { count: number }) => `**待审核**（${p.count} 件单位答复）`,
  overduePendingLine: (p: { code: string; title: string; unit: string; name: string; when: string }) =>
    `- ${p.code} ${p.title}（「${p.unit}」${p.name} ${p.when} 提交）`,
  overduePendingFooter: () => '审核：审核 <编号> 通过；退回：审核 <编号> 退回 <原因>',
  timelineSubmitted: (p: { when: string; name: string; unit: string; resolution: string; note: string }) =>
    `- ${p.when} 「${p.unit}」${p.name} 提交答复【${p.resolution}】：${p.note}`,
  timelineReturned: (p: { when: string; name: string; note: string }) =>
    `- ${p.when} ${p.name} 退回单位答复：${p.note}`,
  progressUnitNext: (p: { code: string; pending: boolean }) =>
    p.pending
      ? `答复已提交，等待人大办审核；如需修改，重新发送：答复 ${p.code} <A|B|C|D> <答复内容>`
      : `答复：答复 ${p.code} <A|B|C|D> <答复内容>（请单聊助手发送）`,
  progressPendingReview: (p: { code: string }) => `单位答复待审核：审核 ${p.code} 通过；或：审核 ${p.code} 退回 <原因>`,

  // -- the console's words for the same refusals
  refusalUnitNameMissing: () => '请填写承办单位。',
  refusalUnitNotFound: (p: { unit: string }) => `没有名为「${p.unit}」的承办单位。`,
  refusalUnitContactExists: (p: { unit: string; userid: string; name: string }) =>
    `${p.name}（${p.userid}）已是「${p.unit}」的联系人。`,
  refusalUnitContactNotFound: (p: { unit: string; userid: string }) =>
    `「${p.unit}」没有账号为 ${p.userid} 的联系人（可能已被删除）。`,
  refusalUnitNotYourCase: () => '没有这件建议，或它不是贵单位办理的。',
  refusalReviewReasonMissing: () => '请写明退回原因。',
  refusalUnitAnswerInGroup: () => '答复只能单独提交，不能在群里发送。',
  refusalReviewNothingPending: (p: { code: string; status: string }) =>
    `${p.code} 没有待审核的单位答复（目前是「${p.status}」），可能已被其他人审核。`,
};
