import { type Colour, COLOUR_LABELS, labelOf, TIMELINE_ACTION_LABELS } from '../contracts/labels';
import type { OpinionStep } from '../refusals/catalogue';
// Chinese text for opinions and suggestions (意见建议). Entries are functions of their parameters.

/** 三色预警 in words: 【黄牌】还剩 2 个工作日, 【红牌】逾期 3 个工作日. */
type ColourWords = { colour: Colour; workdays: number };
const colourWords = (c: ColourWords): string => {
  const label = `【${COLOUR_LABELS[c.colour]}】`;
  if (c.colour === 'red') return `${label}**逾期 ${Math.max(1, c.workdays)} 个工作日**`;
  return `${label}${c.workdays === 0 ? '今天到期' : `还剩 ${c.workdays} 个工作日`}`;
};

const list = (items: string[]) => items.map((s) => `「${s}」`).join('、');

export const opinions = {
  // -- filing
  opinionUsage: (p: { command: string }) =>
    `请在「${p.command}」后面写上内容，例如：\n${p.command} 村口路灯坏了三个月，晚上出行不安全，请尽快维修 #公共交通\n末尾的「#类别」可以不写，我会按内容推荐。`,
  opinionTooShort: (p: { min: number; command: string }) =>
    `内容太短了（至少 ${p.min} 个字），请把问题说清楚：在哪里、什么情况、希望怎么解决。\n例：${p.command} 村口路灯坏了三个月，请尽快维修`,
  /** The command word that files an opinion of this source (for examples in refusals). */
  opinionFilingWord: (p: { source: '代表' | '群众反映' }) => (p.source === '群众反映' ? '民意' : '建议'),
  opinionTooLong: (p: { max: number; length: number }) =>
    `内容有 ${p.length} 个字，超过了 ${p.max} 字的上限。请精简后再发，或分成几条建议分别提交。`,
  opinionFiled: (p: {
    code: string;
    title: string;
    source: string;
    category: string;
    how: 'given' | 'suggested' | 'default';
    tagNote?: string;
  }) =>
    [
      `已收到您的${p.source === '群众反映' ? '群众反映' : '建议'}，编号 **${p.code}**。`,
      `标题：${p.title}`,
      `类别：${p.category}${p.how === 'given' ? '' : p.how === 'suggested' ? '（按内容推荐）' : '（未识别出类别）'}`,
      p.tagNote ?? '',
      `人大办交办后会通知您。随时发送「进度 ${p.code}」查看办理情况。`,
    ]
      .filter(Boolean)
      .join('\n'),
  opinionUnknownCategory: (p: { category: string; categories: string }) =>
    `「${p.category}」不是现有类别。可用类别：${p.categories}。`,
  opinionCategoryUnchanged: (p: { code: string; category: string }) => `${p.code} 已经是「${p.category}」类。`,
  opinionUnknownTag: (p: { tag: string; categories: string }) =>
    `「#${p.tag}」不是现有类别，已按内容归类。可用类别：${p.categories}。`,
  opinionSimilarHeader: () => '提示：下面这些在办建议和您说的很相近：',
  opinionSimilarLine: (p: { code: string; title: string }) => `- ${p.code} ${p.title}`,
  opinionSimilarFooter: (p: { first: string; code: string }) =>
    `如果是同一件事，可以发送「附议 ${p.first}」一起推动，再发送「撤回 ${p.code}」撤回本条；不撤回的话本条照常办理。`,

  // -- code and lookup
  opinionCodeMissing: (p: { command: string; example: string }) => `请写上建议编号，例如：${p.command} ${p.example}`,
  opinionBadCode: (p: { input: string; command: string; example: string }) =>
    `「${p.input}」不是建议编号。编号形如 YJ2026-007，今年的也可以只写序号 7。\n例：${p.command} ${p.example}`,
  opinionNotFound: (p: { code: string }) =>
    `没有找到建议 ${p.code}。请核对编号，发送「我的建议」可以查看您提交的建议。`,

  // -- state refusals
  opinionWrongState: (p: { code: string; status: string; action: string; last: string; next: string }) =>
    `${p.code} 目前是「${p.status}」，不能${p.action}。${p.last ? `最近一步：${p.last}。` : ''}${p.next}`,
  opinionNextFiled: (p: { code: string; office: boolean }) =>
    p.office ? `可以先交办：交办 ${p.code} 单位：<承办单位>` : '它还在等待人大办交办。',
  opinionNextAssigned: (p: { code: string; unit: string; deadline: string; office: boolean }) =>
    `正由「${p.unit}」办理，期限 ${p.deadline}。${p.office ? `单位答复后发送：答复 ${p.code} <A|B|C|D> <答复内容>；换单位或期限：改派 ${p.code} 单位：…` : ''}`,
  opinionNextAnswered: (p: { code: string; office: boolean }) =>
    p.office ? `等待提出人评价；也可以直接办结：办结 ${p.code}` : `等待提出人评价。发送「进度 ${p.code}」查看答复。`,
  opinionNextDone: (p: { code: string }) => `发送「进度 ${p.code}」查看全过程。`,
  opinionAssignReopened: (p: { code: string; round: number; unit: string; deadline: string }) =>
    `${p.code} 因提出人评价不满意，已转入第 ${p.round} 轮，由「${p.unit}」办理，期限 ${p.deadline}。如需换单位或期限，请发送「改派 ${p.code} 单位：… [期限：…]」。`,
  opinionProgressMaskedInGroup: (p: { code: string }) =>
    `（群里的人都能看到这条回复，电话、身份证号已隐去。完整内容请单聊助手发送「进度 ${p.code}」。）`,
  opinionAssignRace: (p: { code: string; name: string; unit: string; deadline: string }) =>
    `${p.code} 已由 ${p.name} 交办给「${p.unit}」，期限 ${p.deadline}。如需换单位或期限，请发送「改派 ${p.code} 单位：… [期限：…]」。`,

  // -- deputy actions
  opinionNotFiler: (p: { code: string; action: string }) =>
    `只有 ${p.code} 的提出人可以${p.action}。如有意见，可以发送「附议 ${p.code}」表示支持。`,
  opinionCosignOwn: (p: { code: string }) => `${p.code} 是您自己提交的建议，不需要附议。`,
  opinionCosignAgain: (p: { code: string }) =>
    `您已经附议过 ${p.code}，每位代表附议一次即可。发送「进度 ${p.code}」查看办理情况。`,
  opinionCosigned: (p: { code: string; title: string; count: number }) =>
    `已附议 ${p.code}「${p.title}」，目前共 ${p.count} 位代表附议。交办、答复和办结时也会通知您。`,
  opinionWithdrawn: (p: { code: string }) => `已撤回 ${p.code}。如需重新提交，发送「建议 <内容>」。`,
  opinionRateUsage: (p: { code: string }) =>
    `请写上评价：满意、基本满意 或 不满意（可加说明）。\n例：评价 ${p.code} 满意\n例：评价 ${p.code} 不满意 路灯还是没修好`,
  opinionRateNoAnswer: (p: { code: string }) => `${p.code} 还没有答复，答复后才能评价。`,
  opinionRatedAlready: (p: { code: string; rating: string }) =>
    `您已经评价过 ${p.code} 本轮的答复（${p.rating}），每轮只能评价一次。`,
  opinionRated: (p: { code: string; rating: string }) =>
    `已记录您对 ${p.code} 的评价：${p.rating}。谢谢！已告知人大办，办结后会通知您。`,
  opinionRatedReopened: (p: { code: string; round: number; unit: string; deadline: string }) =>
    `已记录您对 ${p.code} 的评价：不满意。该建议已退回「${p.unit}」进行第 ${p.round} 轮办理，期限 ${p.deadline}，人大办会跟进督办。`,

  // -- office actions
  opinionAssignUsage: (p: { code: string }) => `请写上承办单位，例如：交办 ${p.code} 单位：交通运输局 期限：15个工作日`,
  opinionReassignUsage: (p: { code: string }) =>
    `请写上新的承办单位或期限，例如：改派 ${p.code} 单位：住建局 期限：10个工作日\n只延期：改派 ${p.code} 期限：12月31日`,
  opinionUnitAmbiguous: (p: { input: string; candidates: string[]; code: string }) =>
    `「${p.input}」可能是：${list(p.candidates)}。请写全称再发一次，例如：交办 ${p.code} 单位：${p.candidates[0] ?? ''}\n如果是一个新单位，请在名称后加「（新）」。`,
  opinionUnitTooLong: () => '承办单位名称太长了（最多 40 个字），请写单位的规范简称。',
  opinionBadDeadline: (p: { input: string }) =>
    `看不懂期限「${p.input}」。可以写日期或时长，例如：期限：12月31日、期限：2026-12-31、期限：15个工作日、期限：30天`,
  opinionPastDeadline: (p: { input: string; now: string }) =>
    `期限「${p.input}」已经过去了（现在是 ${p.now}）。请给一个将来的日期。`,
  opinionAssigned: (p: {
    code: string;
    unit: string;
    deadline: string;
    matched?: string;
    isNew: boolean;
    defaulted: boolean;
    reassigned: boolean;
    sameUnit?: boolean;
    fallbackYear?: number;
  }) =>
    [
      p.sameUnit
        ? `已把 ${p.code} 的办理期限调整为 ${p.deadline}${p.defaulted ? '（默认期限）' : ''}，承办单位「${p.unit}」不变。`
        : `已${p.reassigned ? '改派' : '交办'} ${p.code} 给「${p.unit}」，办理期限 ${p.deadline}${p.defaulted ? '（默认期限）' : ''}。`,
      p.fallbackYear
        ? `（${p.fallbackYear}年的法定节假日安排还未录入，工作日只扣除了周末，请核对期限；安排公布后发送「节假日 设置 ${p.fallbackYear} 休：… 班：…」录入。）`
        : '',
      p.matched ? `（「${p.matched}」按已有单位「${p.unit}」处理；如果不是，请写全称并加「（新）」重新交办。）` : '',
      p.isNew ? '这是一个新单位，已记住，以后可以用简称。' : '',
      '已通知提出人和附议代表。单位答复后发送：答复 ' + p.code + ' <A|B|C|D> <答复内容>',
    ]
      .filter(Boolean)
      .join('\n'),
  opinionAnswerUsage: (p: { code: string }) => `请写上单位的答复内容，例如：答复 ${p.code} A 已于11月20日完成路灯维修`,
  opinionRateNoteTooLong: (p: { max: number; length: number }) =>
    `评价说明有 ${p.length} 个字，超过了 ${p.max} 字的上限，请精简后再发（评价还没有记录）。`,
  opinionAnswerTooLong: (p: { max: number; length: number }) =>
    `答复有 ${p.length} 个字，超过了 ${p.max} 字的上限，请精简后再发。`,
  opinionAnswered: (p: { code: string; late: boolean }) =>
    `已记录 ${p.code} 的答复${p.late ? '（已超过办理期限）' : ''}，并请提出人评价。提出人评价满意后，发送「办结 ${p.code}」办结。`,
  opinionClosed: (p: { code: string; rated?: string }) =>
    `已办结 ${p.code}${p.rated ? `（提出人评价：${p.rated}）` : '（提出人尚未评价）'}，已通知提出人和附议代表。`,
  opinionRejectTooLong: (p: { max: number; length: number }) =>
    `退回原因有 ${p.length} 个字，超过了 ${p.max} 字的上限，请写明要点后再发。`,
  opinionRejectUsage: (p: { code: string }) =>
    `请写上退回原因，例如：退回 ${p.code} 属于司法诉讼事项，不在代表建议办理范围`,
  opinionRejected: (p: { code: string }) => `已退回 ${p.code}，已把原因告诉提出人和附议代表。`,

  // -- notifications (group @-mentions or app messages)
  opinionNoticeAssigned: (p: {
    code: string;
    title: string;
    unit: string;
    deadline: string;
    round: number;
    reassigned: boolean;
    sameUnit?: boolean;
  }) =>
    p.sameUnit
      ? `您提出或附议的建议 **${p.code}**「${p.title}」仍由「${p.unit}」办理${p.round > 1 ? `（第 ${p.round} 轮）` : ''}，办理期限调整为 ${p.deadline}。\n发送「进度 ${p.code}」查看办理情况。`
      : `您提出或附议的建议 **${p.code}**「${p.title}」已${p.reassigned ? '改派' : '交办'}给「${p.unit}」${p.round > 1 ? `（第 ${p.round} 轮）` : ''}，办理期限 ${p.deadline}。\n发送「进度 ${p.code}」查看办理情况。`,
  opinionNoticeAnswered: (p: { code: string; title: string; unit: string; answer: string; resolution?: string }) =>
    `建议 **${p.code}**「${p.title}」收到「${p.unit}」的答复：\n> ${p.answer.replace(/\n/g, '\n> ')}\n${p.resolution ? `落实情况：${p.resolution}\n` : ''}\n请提出人评价，发送：评价 ${p.code} 满意\n（也可以是：基本满意、不满意 加说明；不满意会退回重新办理）`,
  opinionNoticeFiledOffice: (p: { code: string; title: string; filer: string }) =>
    `新建议 **${p.code}**「${p.title}」（${p.filer}）待交办。\n请交办：交办 ${p.code} 单位：… [期限：…]`,
  opinionNoticeClosed: (p: { code: string; title: string }) =>
    `建议 **${p.code}**「${p.title}」已办结。感谢您的履职！发送「进度 ${p.code}」查看全过程。`,
  opinionNoticeRejected: (p: { code: string; title: string; reason: string }) =>
    `建议 **${p.code}**「${p.title}」已被人大办退回。\n原因：${p.reason}\n如有疑问请联系人大办。`,
  opinionNoticeWithdrawn: (p: { code: string; title: string }) =>
    `您附议的建议 **${p.code}**「${p.title}」已被提出人撤回。`,
  opinionNoticeReopened: (p: {
    code: string;
    title: string;
    round: number;
    unit: string;
    deadline: string;
    note: string;
  }) =>
    `建议 **${p.code}**「${p.title}」提出人评价为不满意${p.note ? `（${p.note}）` : ''}，已转入第 ${p.round} 轮办理：「${p.unit}」，期限 ${p.deadline}。\n如需换单位或调整期限：改派 ${p.code} 单位：… 期限：…`,
  opinionNoticeRated: (p: { code: string; title: string; rating: string; note: string }) =>
    `建议 **${p.code}**「${p.title}」提出人评价：${p.rating}${p.note ? `（${p.note}）` : ''}。\n可以办结：办结 ${p.code}`,
  opinionNoticeNextRound: (p: { code: string; title: string; round: number; unit: string; deadline: string }) =>
    `您附议的建议 **${p.code}**「${p.title}」提出人对答复不满意，已转入第 ${p.round} 轮办理：「${p.unit}」，期限 ${p.deadline}。\n发送「进度 ${p.code}」查看办理情况。`,

  // -- my opinions and progress
  opinionMineEmpty: () => '您还没有提交过建议。发送「建议 <内容>」提交，例如：建议 村口路灯坏了，请尽快维修',
  opinionMinePageEmpty: (p: { page: number; pages: number }) =>
    `没有第 ${p.page} 页（共 ${p.pages} 页）。发送「我的建议」从第 1 页看起。`,
  opinionMineBadPage: () => '页码请写数字，例如：我的建议 2',
  opinionMineHeader: (p: { total: number; page: number; pages: number }) =>
    `您的建议共 ${p.total} 件${p.pages > 1 ? `（第 ${p.page}/${p.pages} 页，最新在前）` : '（最新在前）'}：`,
  opinionMineLine: (p: { code: string; title: string; status: string; days?: number }) =>
    `- ${p.code} ${p.title} · ${p.status}${p.days !== undefined ? ` · 已 ${p.days} 天` : ''}`,
  opinionMineMore: (p: { next: number }) => `更早的建议：发送「我的建议 ${p.next}」`,
  opinionMineFooter: () => '查看某件的详情：进度 <编号>',
  opinionProgressHeader: (p: {
    code: string;
    title: string;
    status: string;
    category: string;
    source: string;
    filer: string;
  }) =>
    `**${p.code}** ${p.title}\n状态：${p.status} · 类别：${p.category} · 提出人：${p.filer}${p.source === '群众反映' ? '（群众反映）' : ''}`,
  opinionProgressCosigners: (p: { names: string }) => `附议：${p.names}`,
  opinionProgressCurrent: (p: { unit: string; deadline: string; round: number; colour?: ColourWords }) =>
    `承办单位：${p.unit}${p.round > 1 ? `（第 ${p.round} 轮）` : ''} · 期限：${p.deadline}${p.colour ? ` · ${colourWords(p.colour)}` : ''}`,
  opinionProgressContent: (p: { content: string }) => `内容：${p.content}`,
  opinionProgressTimeline: () => '办理过程：',
  opinionProgressOfficeNext: (p: { code: string; status: string }) =>
    ({
      待交办: `交办：交办 ${p.code} 单位：<承办单位> [期限：…]；不在办理范围：退回 ${p.code} <原因>`,
      已交办: `单位答复后：答复 ${p.code} <A|B|C|D> <答复内容>；换单位或期限：改派 ${p.code} 单位：… [期限：…]`,
      已答复: `办结：办结 ${p.code}`,
    })[p.status] ?? '',
  opinionProgressNext: (p: { code: string; canRate: boolean; canWithdraw: boolean; canCosign: boolean }) =>
    p.canRate
      ? `请评价：评价 ${p.code} 满意（或 基本满意 / 不满意 加说明）`
      : p.canWithdraw
        ? `如需撤回：撤回 ${p.code}`
        : p.canCosign
          ? `支持这条建议：附议 ${p.code}`
          : '',
  timelineFiled: (p: { when: string; name: string; source: string }) =>
    `- ${p.when} ${p.name} 提交${p.source === '群众反映' ? '（群众反映）' : ''}`,
  timelineCosigned: (p: { when: string; name: string }) => `- ${p.when} ${p.name} 附议`,
  timelineAssigned: (p: { when: string; name: string; unit: string; deadline: string; round: number }) =>
    `- ${p.when} ${p.name} 交办「${p.unit}」${p.round > 1 ? `（第 ${p.round} 轮）` : ''}，期限 ${p.deadline}`,
  timelineReassigned: (p: { when: string; name: string; unit: string; deadline: string }) =>
    `- ${p.when} ${p.name} 改派「${p.unit}」，期限 ${p.deadline}`,
  timelineAnswered: (p: { when: string; unit: string; note: string; round: number; resolution?: string }) =>
    `- ${p.when} 「${p.unit}」答复${p.round > 1 ? `（第 ${p.round} 轮）` : ''}${p.resolution ? `【${p.resolution}】` : ''}：${p.note}`,
  timelineRated: (p: { when: string; name: string; rating: string; note: string }) =>
    `- ${p.when} ${p.name} 评价：${p.rating}${p.note ? `（${p.note}）` : ''}`,
  timelineReopened: (p: { when: string; unit: string; deadline: string; round: number }) =>
    `- ${p.when} 转入第 ${p.round} 轮办理：「${p.unit}」，期限 ${p.deadline}`,
  timelineClosed: (p: { when: string; name: string }) => `- ${p.when} ${p.name} 办结`,
  timelineWithdrawn: (p: { when: string; name: string }) => `- ${p.when} ${p.name} 撤回`,
  timelineRejected: (p: { when: string; name: string; note: string }) => `- ${p.when} ${p.name} 退回：${p.note}`,
  lastStep: (p: { when: string; name: string; action: string }) => `${p.when} ${p.name} ${p.action}`,
  /** The step refused by opinionWrongState, as the command word the user typed. */
  opinionVerb: (p: { verb: OpinionStep }) =>
    ({
      cosign: '附议',
      withdraw: '撤回',
      rate: '评价',
      assign: '交办',
      reassign: '改派',
      answer: '答复',
      close: '办结',
      reject: '退回',
      remind: '督办',
      followUp: '设跟踪日期',
      reopen: '重办',
    })[p.verb],
  actionLabel: (p: { action: string }) => labelOf(TIMELINE_ACTION_LABELS, p.action),

  // -- 督办 and 统计
  overdueNone: (p: { warnWorkdays: number }) =>
    `目前没有红牌（逾期）或黄牌（${p.warnWorkdays} 个工作日内到期）的建议。`,
  overdueHeader: (p: { date: string; overdue: number; soon: number; warnWorkdays: number }) =>
    `**督办提醒**（${p.date}）\n红牌（逾期）${p.overdue} 件，黄牌（${p.warnWorkdays} 个工作日内到期）${p.soon} 件`,
  overdueUnit: (p: { unit: string }) => `**${p.unit}**`,
  overdueLine: (p: { code: string; title: string; deadline: string; days: number; overdue: boolean }) =>
    p.overdue
      ? `- 【${COLOUR_LABELS.red}】${p.code} ${p.title}（<font color="warning">逾期 ${p.days} 个工作日</font>，期限 ${p.deadline}）`
      : `- 【${COLOUR_LABELS.yellow}】${p.code} ${p.title}（${p.days === 0 ? '今天到期' : `还剩 ${p.days} 个工作日`}，期限 ${p.deadline}）`,
  overdueFooter: () => '答复后发送：答复 <编号> <A|B|C|D> <答复内容>',
  statsUsage: () => '统计范围可以是：本年、本月 或 年份。例：统计 本月、统计 2025',
  statsHeader: (p: { label: string; total: number }) => `**${p.label}意见建议统计**\n共 ${p.total} 件`,
  statsEmpty: (p: { label: string }) => `${p.label}还没有意见建议。`,
  statsEventsHeader: () => '**活动与会议**',
  statsActivities: (p: { held: number; types: string; signedUp: number; attended: number; rate: string }) =>
    `活动 ${p.held} 次${p.types ? `（${p.types}）` : ''}，报名 ${p.signedUp} 人次，签到 ${p.attended} 人次，到场率 ${p.rate}`,
  statsMeetings: (p: {
    held: number;
    expected: number;
    attended: number;
    excused: number;
    absent: number;
    rate: string;
  }) =>
    `会议 ${p.held} 次，应到 ${p.expected} 人次：出席 ${p.attended}，请假 ${p.excused}，缺席 ${p.absent}，出席率 ${p.rate}`,
  statsNoEvents: () => '这段时间没有已举行的活动或会议。',
  statsByStatus: (p: { parts: string }) => `按状态：${p.parts}`,
  statsByCategory: (p: { parts: string }) => `按类别：${p.parts}`,
  statsRates: (p: {
    answerRate: string;
    closeRate: string;
    satisfactionRate: string;
    resolveRate: string;
    assigned: number;
    answered: number;
    rated: number;
  }) =>
    `答复率 ${p.answerRate} · 办结率 ${p.closeRate} · 满意率 ${p.satisfactionRate} · 解决率 ${p.resolveRate}\n（已交办 ${p.assigned} 件，已答复 ${p.answered} 件，已评价 ${p.rated} 件；解决率 = A 已解决 ÷ 已答复）`,
  statsUnitsHeader: () => '承办单位（交办 / 按期答复 / 逾期）：',
  statsUnitLine: (p: { unit: string; assigned: number; onTime: number; overdue: number }) =>
    `- ${p.unit}：${p.assigned} / ${p.onTime} / ${p.overdue}`,
  statsLabelYear: (p: { year: number }) => `${p.year}年`,
  statsLabelMonth: (p: { year: number; month: number }) => `${p.year}年${p.month}月`,
};
