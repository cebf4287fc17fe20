// Chinese text for the weekly digest (周报): short lines, readable on a phone in under a minute.

export const digest = {
  digestTitle: (p: { date: string }) => `**代表工作周报**（${p.date}）`,
  digestEmptyWeek: () => '本周没有新的活动、会议和意见建议，祝各位代表工作顺利。',

  digestUpcomingHeader: () => '**未来一周**',
  digestActivitiesLabel: () => '活动：',
  digestActivityLine: (p: { code: string; title: string; when: string; place: string; places: string }) =>
    `- ${p.code} ${p.title}｜${p.when}｜${p.place}｜${p.places}`,
  digestPlacesLeft: (p: { left: number }) => `余 ${p.left} 个名额`,
  digestPlacesFull: () => '名额已满，可候补',
  digestPlacesOpen: () => `不限名额`,
  digestMeetingsLabel: () => '会议：',
  digestMeetingLine: (p: {
    code: string;
    title: string;
    when: string;
    place: string;
    answered: number;
    expected: number;
  }) => `- ${p.code} ${p.title}｜${p.when}｜${p.place}｜已回执 ${p.answered}/${p.expected}`,
  digestMore: (p: { count: number; command: string }) => `- 另有 ${p.count} 项，发送「${p.command}」查看`,

  digestLastWeekHeader: (p: { from: string; to: string }) => `**上周意见建议**（${p.from}—${p.to}）`,
  digestFiled: (p: { filed: number; categories: string }) =>
    `新收 ${p.filed} 件${p.categories ? `：${p.categories}` : ''}`,
  digestProgress: (p: { assigned: number; answered: number; closed: number }) =>
    `交办 ${p.assigned} 件，答复 ${p.answered} 件，办结 ${p.closed} 件`,
  digestRatings: (p: { good: number; fair: number; bad: number }) =>
    `收到评价：满意 ${p.good}，基本满意 ${p.fair}，不满意 ${p.bad}`,

  digestOverdueHeader: () => '**逾期未答复**',
  digestOverdue: (p: { count: number }) => `共 ${p.count} 件已超过办理期限`,
  digestOverdueOldest: (p: { code: string; title: string; days: number }) =>
    `最久：${p.code}「${p.title}」已逾期 ${p.days} 天`,

  digestRatesHeader: (p: { year: number }) => `**${p.year}年以来**`,
  digestRates: (p: { answer: string; close: string; satisfaction: string; resolve: string }) =>
    `答复率 ${p.answer}，办结率 ${p.close}，满意率 ${p.satisfaction}，解决率 ${p.resolve}`,

  digestStudyHeader: () => '**学习**',
  digestStudyLine: (p: { code: string; title: string; learned: number; total: number }) =>
    `上周推送 ${p.code}《${p.title}》，已学 ${p.learned}/${p.total} 人`,

  digestTodoHeader: () => '**请您**',
  digestTodoSignup: (p: { code: string }) => `报名活动：报名 ${p.code}`,
  digestTodoMeeting: (p: { code: string }) => `会议回执：回执 ${p.code} 参加（或 请假 ${p.code} 原因）`,
  digestTodoStudy: (p: { code: string }) => `学完标记：已学 ${p.code}`,
  digestTodoOpinion: () => '有意见建议随时发送：建议 <内容>',
  digestTodoJoin: (p: { items: string[] }) => p.items.map((i) => `- ${i}`).join('\n'),

  digestPreviewFooter: (p: { when?: string }) =>
    p.when ? `——以上是预览，将于 ${p.when} 自动发到群里。` : '——以上是预览。周报定时任务当前未开启，不会自动发送。',
};
