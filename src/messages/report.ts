// Chinese text of the 述职 draft (代表向选民述职报告) and of its delivery in chat and the console.

export const reportText = {
  reportGroupRefused: () =>
    '述职报告草稿含有您本人的履职明细，只在单聊中发送。请点开我的头像，单独给我发送「述职」或「述职 2026」。',
  reportLink: (p: { year: number; url: string }) =>
    `${p.year}年述职报告草稿（Word 文件）已按您的履职记录生成：\n${p.url}\n` +
    '在已登录工作台的浏览器中打开即下载；未登录会先转到登录页，登录后自动下载。只有您本人和人大办能下载。',
  reportLinkForOther: (p: { name: string; year: number; url: string }) =>
    `${p.name} ${p.year}年述职报告草稿（Word 文件）：\n${p.url}\n在已登录工作台的浏览器中打开即下载。`,
  reportFile: (p: { year: number; filename: string; url: string }) =>
    `${p.year}年述职报告草稿已按您的履职记录生成，稍后以文件《${p.filename}》发到本聊天。\n` +
    `如未收到，可在已登录工作台的浏览器中打开：${p.url}`,
  reportFileForOther: (p: { name: string; year: number; filename: string; url: string }) =>
    `${p.name} ${p.year}年述职报告草稿已生成，稍后以文件《${p.filename}》发到本聊天。\n` +
    `如未收到，可在已登录工作台的浏览器中打开：${p.url}`,
  reportNotOnRoster: () => '名册中没有这位代表的记录，无法生成述职报告草稿。请先在工作台的名册中登记。',
  reportOthersOfficeOnly: () => '只能生成自己的述职报告草稿：发送「述职」或「述职 2026」。',
};

/** The draft's own words: title, section headings and sentence shapes (every sentence names its record). */
export const reportWords = {
  fileName: (p: { name: string; year: number }) => `${p.name}-${p.year}年述职报告草稿.docx`,
  title: (p: { year: number }) => `${p.year}年度人大代表述职报告`,
  draftMark: '（草稿）',
  byline: (p: { name: string; district?: string; station?: string }) =>
    `代表：${p.name}\u3000\u3000选区：${p.district ?? '名册未登记'}${p.station ? `\u3000\u3000联络站：${p.station}` : ''}`,
  basis: (p: { asOf: string }) =>
    `本草稿由系统根据截至${p.asOf}的履职记录生成。下列每项均注明记录编号和日期，可在工作台或「进度」命令中核对；` +
    '除最后一段外，请勿添加记录以外的内容。',
  none: '本年度无记录。',
  headings: {
    meetings: '一、参加会议',
    activities: '二、参加活动与视察',
    opinions: '三、提出意见建议及办理情况',
    shifts: '四、联络站值班与联系群众',
    study: '五、学习培训',
    closing: '六、履职体会和今后打算',
  },
  meetingsFigures: (p: { expected: number; attended: number; excused: number; absent: number; upcoming: number }) =>
    `本年度应出席会议${p.expected}次，出席${p.attended}次，请假${p.excused}次，缺席${p.absent}次` +
    `${p.upcoming ? `，另有${p.upcoming}次尚未召开` : ''}。`,
  activitiesFigures: (p: { signedUp: number; attended: number; excused: number }) =>
    `本年度报名代表活动${p.signedUp}次，参加${p.attended}次，请假${p.excused}次。`,
  opinionsFigures: (p: { filed: number; relayed: number; cosigned: number; answered: number; closed: number }) =>
    `本年度提出意见建议${p.filed}件（其中转交群众反映${p.relayed}件），附议${p.cosigned}件；` +
    `所提意见建议已答复${p.answered}件，已办结${p.closed}件。`,
  shiftsFigures: (p: { scheduled: number; served: number }) =>
    `本年度安排联络站值班${p.scheduled}次，到岗${p.served}次。`,
  studyFigures: (p: { marked: number; published: number }) =>
    `本年度学习资料已学${p.marked}份（本年推送${p.published}份）。`,
  event: (p: { date: string; code: string; title: string; detail?: string; result: string }) =>
    `${p.date}，${p.code}「${p.title}」${p.detail ? `（${p.detail}）` : ''}：${p.result}。`,
  opinion: (p: { date: string; verb: string; code: string; title: string; status: string; rating?: string }) =>
    `${p.date}${p.verb} ${p.code}「${p.title}」，当前状态：${p.status}${p.rating ? `，评价：${p.rating}` : ''}。`,
  filedVerb: '提出',
  relayedVerb: '转交群众反映',
  cosignedVerb: '附议',
  shift: (p: { date: string; station: string; result: string }) => `${p.date}，${p.station}值班：${p.result}。`,
  relayedNone: '联系群众：本年度无转交群众反映的记录。',
  shiftsNone: '联络站值班：本年度无记录。',
  study: (p: { date: string; code: string; title: string }) => `${p.date}学习 ${p.code}「${p.title}」。`,
  closingMarker:
    '【此段由代表本人撰写：请写本年度履职的体会、不足和下一年度的打算。系统不代写此段，提交前请删去本提示。】',
};
