// Chinese text for the performance record (履职) and the labels its exports share.

export const performance = {
  performanceBadYear: (p: { year: string; current: number }) =>
    `「${p.year}」不是可查询的年份：请写 2000 到 ${p.current} 之间的年份。例：履职 ${p.current}`,
  refusalRecordsBadYear: (p: { year: number; from: number; current: number }) =>
    `${p.year} 年不是可查询的年份：请选 ${p.from} 到 ${p.current} 之间的年份。`,
  performanceOthersOfficeOnly: () => '只能查看自己的履职记录：发送「履职」或「履职 2026」。',
  performanceHeader: (p: { name: string; year: number; asOf?: string }) =>
    `**${p.name} ${p.year}年履职记录**${p.asOf ? `（截至${p.asOf}）` : ''}`,
  performanceOpinions: (p: { filed: number; relayed: number; cosigned: number; answered: number; closed: number }) =>
    `意见建议：提出 ${p.filed} 件${p.relayed ? `（其中群众反映 ${p.relayed} 件）` : ''}，附议 ${p.cosigned} 件；已答复 ${p.answered} 件，已办结 ${p.closed} 件`,
  performanceActivities: (p: { signedUp: number; attended: number; excused: number; byType: string }) =>
    `代表活动：报名 ${p.signedUp} 次，参加 ${p.attended} 次${p.excused ? `，请假 ${p.excused} 次` : ''}${p.byType ? `（${p.byType}）` : ''}`,
  performanceMeetings: (p: { expected: number; attended: number; excused: number; absent: number; upcoming: number }) =>
    `会议：应到 ${p.expected} 次，出席 ${p.attended} 次，请假 ${p.excused} 次，缺席 ${p.absent} 次${p.upcoming ? `；另有 ${p.upcoming} 次待召开` : ''}`,
  performanceShifts: (p: { scheduled: number; served: number }) =>
    `联络站值班：安排 ${p.scheduled} 次，到岗 ${p.served} 次`,
  performanceStudy: (p: { marked: number; published: number }) =>
    `学习：已学 ${p.marked} 份（本年推送 ${p.published} 份）`,
  performanceScoreHeader: (p: { year: number; total: number }) =>
    `履职积分（${p.year}年，仅本人可见）：共 ${p.total} 分`,
  performanceScoreFormula: (p: { rules: string }) => `积分规则：${p.rules}`,
  performanceScoreQuarter: (p: { quarter: number; points: number; parts: string }) =>
    `第${p.quarter}季度 ${p.points} 分${p.parts ? `：${p.parts}` : ''}`,
  performanceScoreOff: () => '未启用履职积分（由人大办在配置 PERFORMANCE_SCORE 中设定积分规则后启用）。',
  performanceFooterSelf: (p: { previous: number }) =>
    `发送「履职 ${p.previous}」查看往年；「我的建议」「活动」「会议」查看明细。`,
  performanceFooterOffice: (p: { year: number }) =>
    `全体代表的年度履职登记册：在服务器上运行 npm run export -- register --year ${p.year} 导出 Excel。`,
};
