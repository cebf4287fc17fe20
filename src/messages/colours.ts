import { COLOUR_LABELS } from '../contracts/labels';
// Chinese text for 三色预警 (the units' reminders, the office's 提请督办) and 催办.

export const colours = {
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
