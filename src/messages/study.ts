// Chinese text for 学习资料 / 学习 / 已学 and the weekly study push.

export const study = {
  studyUsage: () =>
    '格式：学习资料 <标题> [链接] [说明]\n例：学习资料 代表法第二讲 https://example.com/daibiaofa 请周五前学完',
  studyTitleTooLong: (p: { max: number }) => `标题最长 ${p.max} 字，请缩短后重新发送。说明可以写在链接后面。`,
  studyNoteTooLong: (p: { max: number }) => `说明最长 ${p.max} 字，请缩短后重新发送。`,
  studyBadLink: (p: { link: string }) => `链接「${p.link}」不对：要以 http:// 或 https:// 开头，中间不能有空格。`,
  studyAdded: (p: { code: string; title: string; position: number; when?: string }) =>
    p.position > 0
      ? `已加入学习资料 ${p.code}《${p.title}》，排在待推送第 ${p.position} 位${p.when ? `，预计 ${p.when} 推送到群里` : ''}。发送「学习」查看。`
      : `学习资料 ${p.code}《${p.title}》已经推送过了。发送「学习」查看。`,
  studyPush: (p: { code: string; title: string; note?: string; link?: string }) =>
    [
      `**本周学习资料** ${p.code}`,
      `《${p.title}》`,
      p.note ?? '',
      p.link ? `[点击打开学习资料](${p.link})` : '',
      `学完后请发送「已学 ${p.code}」。`,
    ]
      .filter(Boolean)
      .join('\n'),
  studyListEmpty: () => '还没有推送过学习资料。',
  studyListEmptyOffice: () => '还没有学习资料。添加：学习资料 <标题> [链接] [说明]',
  studyListHeader: () => '**最近的学习资料**',
  studyListLine: (p: { code: string; title: string; mine: boolean; count?: string }) =>
    `- ${p.mine ? '✅' : '⬜'} ${p.code}《${p.title}》${p.count ? `（${p.count}）` : ''}`,
  studyListCount: (p: { learned: number; total: number }) => `已学 ${p.learned}/${p.total} 人`,
  studyListQueued: () => '**待推送**',
  studyListQueuedLine: (p: { code: string; title: string }) => `- ${p.code}《${p.title}》`,
  studyListFooter: (p: { example?: string }) => (p.example ? `学完后发送「已学 ${p.example}」标记。` : ''),
  studyBadCode: (p: { input: string }) => `「${p.input}」不是学习资料编号。例：已学 XX2026-001（发送「学习」查看编号）`,
  studyMarkUsage: () => '请写学习资料的编号。例：已学 XX2026-001（发送「学习」查看编号）',
  studyNotFound: (p: { code: string }) => `没有找到学习资料 ${p.code}。发送「学习」查看编号。`,
  studyNotPushedYet: (p: { code: string; title: string }) =>
    `学习资料 ${p.code}《${p.title}》还没有推送到群里，推送后再标记「已学」。发送「学习」查看已推送的资料。`,
  studyMarked: (p: { code: string; title: string }) => `已记录：您学习了 ${p.code}《${p.title}》。谢谢！`,
  studyAlreadyMarked: (p: { code: string; title: string }) => `您之前已经标记过 ${p.code}《${p.title}》，无需重复。`,
  // -- the console's queue page (issue 14)
  studyAlreadyPushed: (p: { code: string; title: string }) =>
    `学习资料 ${p.code}《${p.title}》已经推送到群里了，不能再修改或移出队列。`,
  studyChangedMeanwhile: (p: { code: string }) =>
    `学习资料 ${p.code} 刚刚已被其他工作人员修改，页面已重新载入，请查看后再操作。`,
  studyQueueChanged: () =>
    '待推送队列刚刚有变化（有人调整了顺序，或新增、推送、移出了资料），页面已重新载入，请重新排序。',
};
