// Chinese text for 节假日 (the official holiday calendar the office enters each year).
import { HOLIDAY_SOURCE_LABELS } from '../contracts/labels';

const EXAMPLE = '休：1月1日-1月3日，2月15日-2月23日 班：2月14日，2月28日';

export const holidays = {
  holidaysUsage: () =>
    `用法：\n- 节假日 2027 查看 2027 年的放假和调休安排\n- 节假日 设置 2027 ${EXAMPLE}\n` +
    '「休」后写放假的日期，「班」后写调休上班的日期；连续几天用 - 连起来，日期之间用逗号隔开。重新设置会整体替换这一年的安排。',
  holidaysSetUsage: (p: { year: number }) =>
    `请写出 ${p.year} 年的放假日期和调休上班日期，例如：\n节假日 设置 ${p.year} ${EXAMPLE}`,
  holidaysYearOutOfRange: (p: { year: number; from: number; to: number }) =>
    `只能设置 ${p.from}—${p.to} 年的安排，${p.year} 年不在范围内，请检查年份。`,
  holidaysStray: (p: { text: string; year: number }) =>
    `没看懂「${p.text}」：日期前要写「休：」（放假）或「班：」（调休上班），例如：\n节假日 设置 ${p.year} ${EXAMPLE}`,
  holidaysBadDate: (p: { text: string }) => `「${p.text}」不是有效的日期，请写成 1月1日，连续几天写成 1月1日-1月3日。`,
  holidaysOtherYear: (p: { text: string; year: number }) => `「${p.text}」不在 ${p.year} 年内；一次只设置一年的安排。`,
  holidaysReversed: (p: { text: string }) => `「${p.text}」的结束日期早于开始日期，请检查。`,
  holidaysTooLong: (p: { text: string; max: number }) =>
    `「${p.text}」超过 ${p.max} 天，不像一个假期，请检查是否写错。`,
  holidaysBoth: (p: { days: string[] }) =>
    `这些日期既写在「休」里又写在「班」里：${p.days.join('、')}。每一天只能是其中一种，请改正后重新发送。`,

  /** The console's form (dates picked in a calendar). */
  holidaysFormEmpty: (p: { year: number }) => `请至少选择 ${p.year} 年的一个放假日期或调休上班日期。`,
  holidaysFormBoth: (p: { days: string[] }) =>
    `这些日期既是放假日期又是调休上班日期：${p.days.join('、')}。每一天只能是其中一种，请去掉其中一处。`,
  holidaysFormBadDate: (p: { text: string }) => `「${p.text}」不是有效的日期，格式如 2027-01-01。`,

  holidaysTitle: (p: { year: number }) => `**${p.year}年法定节假日与调休安排**`,
  holidaysSourceOffice: (p: { name: string; when: string; shadowsFile: boolean }) =>
    `来源：${p.name} 于 ${p.when} 录入${p.shadowsFile ? '（优先于服务器 config/holidays 中的文件）' : ''}`,
  holidaysSourceFile: () => `来源：${HOLIDAY_SOURCE_LABELS.file}`,
  holidaysSourceBundled: () => `来源：${HOLIDAY_SOURCE_LABELS.bundled}`,
  holidaysOff: (p: { days: string; count: number }) => `放假（${p.count} 天）：${p.days || '—'}`,
  holidaysOn: (p: { days: string; count: number }) => `调休上班（${p.count} 天）：${p.days || '—'}`,
  holidaysUnknown: (p: { year: number }) =>
    `${p.year}年的放假和调休安排还没有录入，工作日期限只扣除了周末（按周末估算）。\n` +
    `国务院办公厅公布后，请发送：节假日 设置 ${p.year} ${EXAMPLE}（按通知的日期填写）`,
  holidaysSaved: (p: { year: number }) => `已保存 ${p.year} 年的放假和调休安排，之后计算的工作日期限立即按它计算：`,
  holidaysWeekdayMakeUp: (p: { days: string }) =>
    `提示：${p.days} 本来就是工作日，写在「班」里不影响计算，请核对是否写错。`,
  holidaysEstimatedOpinions: (p: { year: number; codes: string[] }) =>
    `以下办理中的意见，期限在 ${p.year} 年、当时按周末估算：${p.codes.join('、')}。如需按新安排调整，请用「改派 编号 期限：…」。`,

  /** 任务 and the 周报 preview, from 1 November while next year is unknown. */
  holidaysMissingNextYear: (p: { year: number }) =>
    `⚠️ ${p.year}年的法定节假日安排还没有录入：期限落在 ${p.year} 年的工作日只按周末估算。国务院办公厅公布后请发送「节假日 设置 ${p.year} 休：… 班：…」。`,
  /** After a deadline that was counted on weekends only, while its year is still unknown. */
  deadlineEstimated: () => '（按周末估算）',
};
