// Chinese text of the pictures the bot draws (the Monday digest's chart).

export const charts = {
  chartWeekTitle: (p: { from: string; to: string }) => `上周意见建议（${p.from}—${p.to}）`,
  chartFiled: () => '新收',
  chartAnswered: () => '答复',
  chartRatesTitle: (p: { weeks: number }) => `近 ${p.weeks} 周三率（按提交周）`,
  chartAnswerRate: () => '答复率',
  chartCloseRate: () => '办结率',
  chartSatisfactionRate: () => '满意率',
  digestPreviewChart: () =>
    '周报发出后，还会随后发一张图：上周各类意见建议的新收与答复，以及近 12 周的答复率、办结率、满意率。',
};
