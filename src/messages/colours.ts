import { COLOUR_LABELS } from '../contracts/labels';
// Chinese text for 三色预警 (the units' reminders, the office's 提请督办) and 催办.

export const colours = {
  // -- 跟踪 (follow-up of a B or C answer) and 重办 (a closed case reopened)
  followUpClass: (p: { code: string; resolution?: string }) =>
    `${p.code} 的答复${p.resolution ? `是 ${p.resolution} 类` : '没有落实分类'}：只有 B（正在解决）、C（列入计划）的建议需要设跟踪日期。` +
    `\n问题又出现了的已办结建议，可发送：重办 ${p.code} 原因`,
  followUpUsage: () => '请写上编号和跟踪日期。例：跟踪 YJ2026-001 12月31日，或 跟踪 YJ2026-001 20个工作日',
  followUpSet: (p: { code: string; date: string; resolution: string }) =>
    `已设 ${p.code}（${p.resolution}）的跟踪日期：${p.date}。到那天它会出现在「督办」和每天的督办提醒里。`,
  reopenUsage: () => '请写上编号和重办的原因。例：重办 YJ2026-001 路灯又坏了',
  reopenDone: (p: { code: string; round: number; unit: string; deadline: string }) =>
    `已重办 ${p.code}：第 ${p.round} 轮交「${p.unit}」办理，期限 ${p.deadline}。提出人和单位联系人会收到通知。`,
  reopenNotice: (p: { code: string; title: string; round: number; unit: string; deadline: string; reason: string }) =>
    `**重办**：**${p.code}**「${p.title}」已办结的问题又出现了，人大办已重新交「${p.unit}」办理（第 ${p.round} 轮，期限 ${p.deadline}）。\n原因：${p.reason}`,
  followUpHeader: (p: { count: number }) => `**跟踪到期**（B、C 类答复，${p.count} 件）`,
  followUpLine: (p: { code: string; title: string; unit: string; resolution: string; date: string }) =>
    `- ${p.code} ${p.title}（${p.unit}，${p.resolution}，跟踪日期 ${p.date}）`,
  followUpFooter: () => '问题已解决可发送「办结 <编号>」；又出现的问题办结后可「重办 <编号> <原因>」',
  timelineFollowUp: (p: { when: string; name: string; date: string }) => `- ${p.when} ${p.name} 设跟踪日期 ${p.date}`,
  timelineRedone: (p: { when: string; name: string; unit: string; deadline: string; round: number; note: string }) =>
    `- ${p.when} ${p.name} 重办：第 ${p.round} 轮交「${p.unit}」，期限 ${p.deadline}（${p.note}）`,
  /** To the unit's contacts, privately: a case of theirs turned yellow or red. */
  colourNoticeUnit: (p: {
    code: string;
    title: string;
    unit: string;
    deadline: string;
    colour: 'yellow' | 'red';
    workdays: number;
  }) =>
    (p.colour === 'red'
      ? `【${COLOUR_LABELS.red}】${p.unit}承办的 **${p.code}**「${p.title}」已超过办理期限（${p.deadline}），已逾期 ${Math.max(1, p.workdays)} 个工作日，请尽快答复。`
      : `【${COLOUR_LABELS.yellow}】${p.unit}承办的 **${p.code}**「${p.title}」${p.workdays === 0 ? '今天到期' : `还剩 ${p.workdays} 个工作日到期`}（期限 ${p.deadline}），请按期答复。`) +
    `\n答复请单聊发送：答复 ${p.code} A 答复内容（A 已解决 / B 正在解决 / C 列入计划 / D 暂不能解决）`,
  /** To the office: a red case has stayed red for ESCALATE_WORKDAYS working days. */
  colourEscalate: (p: { code: string; title: string; unit: string; deadline: string; workdays: number }) =>
    `**提请督办**：${p.code}「${p.title}」（${p.unit}）已逾期 ${p.workdays} 个工作日（期限 ${p.deadline}），仍未答复。\n` +
    `督办请发送：催办 ${p.code}（或在工作台的案件页点「督办」），承办单位和提出人都会收到。`,
  /** To the unit's contacts: the office chased one of their cases (催办, the console's 督办). */
  colourNoticeChased: (p: { code: string; title: string; unit: string; deadline: string }) =>
    `**督办**：人大办请${p.unit}尽快答复 **${p.code}**「${p.title}」（期限 ${p.deadline}）。\n答复请单聊发送：答复 ${p.code} A 答复内容`,
  chaseDone: (p: { code: string; unit: string }) =>
    `已向「${p.unit}」督办 ${p.code}：提出人和该单位登记的联系人会收到通知（没有登记联系人的单位请另行联系）。`,
};
