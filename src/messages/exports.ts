// Chinese text for the spreadsheet exports (npm run export): CLI lines, sheet names, column headers.
import {
  PERFORMANCE_KIND_LABELS,
  PERFORMANCE_RESULT_LABELS,
  RESOLUTION_LABELS,
  RESOLUTIONS,
  ROSTER_FIELD_LABELS,
} from '../contracts/labels';

export const exportsText = {
  exportUsage: () =>
    '用法：npm run export -- <opinions|register|activities|pack> [--year 2026] [--out 文件.xlsx] [--full-text]\n' +
    '（容器里：docker compose exec bot node dist/scripts/export.js …；不写 --out 时文件在 files/ 文件夹）\n' +
    '  opinions   意见建议台账（不写 --year 时每年一个工作表）\n' +
    '  register   代表履职登记册（汇总表 + 每位代表一个明细表）\n' +
    '  activities 代表活动与会议台账（含出勤名单）\n' +
    '  pack       年度资料包（.zip）：三本台账、承办单位办理情况、述职报告草稿、票决结果、民生实事、测评评议结果和索引表\n' +
    '  --full-text 台账中保留建议原文里的电话、身份证号（默认打码）',
  exportUnknownKind: (p: { kind: string }) =>
    `不认识的导出类型「${p.kind}」：只能是 opinions、register、activities 或 pack。`,
  exportBadYear: (p: { year: string }) => `「${p.year}」不是年份。例：--year 2026`,
  exportYearOutOfRange: (p: { year: number; first: number; current: number }) =>
    `「${p.year}」不是可查询的年份：请写 ${p.first} 到 ${p.current} 之间的年份。例：--year ${p.current}`,
  exportBadOption: (p: { option: string }) => `不认识的参数「${p.option}」。`,
  exportMissingValue: (p: { option: string }) =>
    `参数 ${p.option} 后面需要一个值。例：${p.option === '--out' ? '--out 履职登记册.xlsx' : '--year 2026'}`,
  exportNotXlsx: (p: { out: string; ext?: string }) => `输出文件「${p.out}」应以 .${p.ext ?? 'xlsx'} 结尾。`,
  exportDone: (p: { what: string; file: string; rows: number }) => `已导出${p.what}：${p.file}（${p.rows} 行数据）`,
  exportPackDone: (p: { file: string; rows: number }) => `已导出年度资料包：${p.file}（${p.rows} 个文件）`,
  exportNoData: () => '（该范围内没有数据，已生成只有表头的文件）',
  exportLedgerUsage: () =>
    '用法：导出 台账|履职|活动 [年份]，只在单聊中发送。\n' +
    '台账 = 意见建议台账，履职 = 代表履职登记册，活动 = 代表活动与会议台账。例：导出 台账 2026',
  exportLedgerGroupOnly: () => '台账只发给本人：请私聊机器人发送，例如「导出 台账 2026」。',
  exportLedgerYear: (p: { year: number; first: number; current: number }) =>
    `「${p.year}」不是可导出的年份：请写 ${p.first} 到 ${p.current} 之间的年份。例：导出 台账 ${p.current}`,
  exportLedgerFile: (p: { filename: string; url: string }) =>
    `正在生成《${p.filename}》，稍后以文件发到本聊天。\n如未收到，可在已登录工作台的浏览器中打开：${p.url}`,
  exportLedgerLink: (p: { url: string; tooLarge: boolean }) =>
    (p.tooLarge ? '文件较大，无法在聊天中发送。' : '') +
    `请在已登录工作台的浏览器中打开链接下载：\n${p.url}\n（尚未登录的，先发送「登录」获取登录链接。）`,
};

export const exportNames = {
  opinions: '意见建议台账',
  register: '代表履职登记册',
  activities: '代表活动与会议台账',
  pack: '年度资料包',
  allYears: '全部',
  registerSummary: '履职汇总',
  activitiesSheet: '代表活动',
  meetingsSheet: '会议',
  attendanceSheet: '出勤明细',
  shiftsSheet: '联络站值班',
  opinionsSheet: (year: number) => `${year}年`,
  unitsSheet: (year: number) => `${year}年承办单位办理情况`,
};

export const exportWords = {
  yes: '是',
  no: '否',
  active: '在册',
  inactive: '已停用',
  cancelled: '已取消',
  open: '正常',
  activity: PERFORMANCE_KIND_LABELS.activity,
  meeting: PERFORMANCE_KIND_LABELS.meeting,
  listSeparator: '、',
  unlimited: '不限',
};

/** Per-person results in the activities ledger. */
export const attendanceWords: Record<string, string> = {
  // The register's results (出席, 请假, 已报名…) in the contract's words.
  ...PERFORMANCE_RESULT_LABELS,
  waitlisted: '候补',
  served: '已到岗',
  notServed: '未到岗',
};

/** Column headers, by column key, for every export. */
export const exportHeaders: Record<string, string> = {
  code: '编号',
  filer: '提出人',
  source: '来源',
  category: '类别',
  title: '标题',
  content: '内容',
  cosigners: '附议人',
  photos: '照片数',
  status: '状态',
  unit: '承办单位',
  deadline: '办理期限',
  answer: '答复',
  rating: '满意度',
  filedAt: '提出时间',
  assignedAt: '交办时间',
  answeredAt: '答复时间',
  ratedAt: '评价时间',
  closedAt: '办结时间',
  days: '办理天数',
  overdue: '是否逾期',
  name: ROSTER_FIELD_LABELS.name,
  userid: ROSTER_FIELD_LABELS.userid,
  level: ROSTER_FIELD_LABELS.level,
  group: ROSTER_FIELD_LABELS.group,
  station: ROSTER_FIELD_LABELS.station,
  district: ROSTER_FIELD_LABELS.district,
  rosterStatus: '名册状态',
  opinionsFiled: '提出建议',
  opinionsRelayed: '其中群众反映',
  opinionsCosigned: '附议',
  opinionsAnswered: '已答复',
  opinionsClosed: '已办结',
  activitiesSignedUp: '活动报名',
  activitiesAttended: '活动参加',
  activitiesExcused: '活动请假',
  meetingsExpected: '会议应到',
  meetingsAttended: '会议出席',
  meetingsExcused: '会议请假',
  meetingsAbsent: '会议缺席',
  shiftsScheduled: '值班安排',
  shiftsServed: '值班到岗',
  studyMarked: '学习已学',
  studyPublished: '本年推送学习',
  at: '时间',
  kind: '类别',
  item: '事项',
  detail: '说明',
  result: '结果',
  type: '类型',
  place: '地点',
  startAt: '开始时间',
  eventStatus: '状态',
  capacity: '名额',
  signedUpCount: '报名人数',
  attendedCount: '签到人数',
  excusedCount: '请假人数',
  waitlistCount: '候补人数',
  signedUpNames: '报名名单',
  attendedNames: '签到名单',
  excusedNames: '请假名单',
  waitlistNames: '候补名单',
  expectedCount: '应到',
  meetingAttended: '出席',
  meetingExcused: '请假',
  meetingAbsent: '缺席',
  meetingUpcoming: '待召开',
  meetingAttendedNames: '出席名单',
  meetingExcusedNames: '请假名单（原因）',
  meetingAbsentNames: '缺席名单',
  eventKind: '类别',
  deputy: '代表',
  shiftAt: '值班时间',
  served: '是否到岗',
  round: '轮次',
  cases: '交办件次',
  answeredCount: '已答复',
  onTime: '按期答复',
  late: '逾期答复',
  openOverdue: '未答复已逾期',
  openInTime: '未答复未到期',
  rated: '已评价',
  satisfied: '满意',
  basicallySatisfied: '基本满意',
  dissatisfied: '不满意',
  onTimeRate: '按期答复率',
  satisfactionRate: '满意率',
  averageWorkdays: '平均答复用时（工作日）',
  ...Object.fromEntries(RESOLUTIONS.map((c) => [`resolution${c}`, `${c} ${RESOLUTION_LABELS[c]}`])),
  unclassified: '答复未分类',
  resolveRate: '解决率',
  resolution: '落实分类',
  roundResult: '答复情况',
  file: '文件',
  contents: '内容',
  rows: '行数或份数',
  ballotCode: '编号',
  ballotChoose: '应选',
  ballotDeadline: '截止时间',
  ballotClosedAt: '结束时间',
  ballotEntitled: '应投人数',
  ballotTurnout: '参加人数',
  ballotValid: '是否有效',
  ballotChosen: '当选',
  ballotNumber: '序号',
  ballotCandidate: '候选',
  ballotVotes: '得票',
  ballotOutcome: '结果',
};

/** 票决结果 workbooks: the summary sheet and each ballot's tally. */
export const ballotWords = {
  summarySheet: '票决汇总',
  choose: (p: { choose: number; upTo: boolean }) => (p.upTo ? `最多选${p.choose}项` : `选${p.choose}项`),
  valid: '有效',
  invalid: '无效（未过半数）',
  chosen: '当选',
  tied: '票数相同，需另行决定',
  fileName: (code: string) => `票决结果-${code}`,
};

/** The year-end pack (年度资料包): its entries and the index sheet. */
export const packWords = {
  zipName: (year: number) => `${year}年度资料包`,
  indexFile: '00-索引.xlsx',
  indexSheet: '索引',
  opinionsFile: (year: number) => `01-意见建议台账-${year}.xlsx`,
  activitiesFile: (year: number) => `02-代表活动与会议台账-${year}.xlsx`,
  registerFile: (year: number) => `03-代表履职登记册-${year}.xlsx`,
  unitsFile: (year: number) => `04-承办单位办理情况-${year}.xlsx`,
  ballotsFile: (year: number) => `06-票决结果-${year}.xlsx`,
  ballotsWhat: '本年度已结束的票决：每次票决一张表，只有各候选得票和参加人数，不含谁投了谁',
  reportsFolder: '05-述职报告草稿',
  opinionsWhat: '本年度提出的意见建议（联系方式已打码），每条一行',
  activitiesWhat: '本年度代表活动、会议及出勤名单，联络站值班',
  registerWhat: '每位代表的履职汇总，以及每人一张明细表',
  unitsWhat: '按承办单位统计本年度交办件次、按期答复、平均用时、落实分类、解决率、满意率，附每件明细',
  reportWhat: (name: string) => `${name}的述职报告草稿（Word）`,
  indexWhat: '本索引',
  unitsSummarySheet: '按单位汇总',
  unitsDetailSheet: '交办明细',
  onTimeWord: '按期',
  lateWord: '逾期',
  openOverdueWord: '未答复（已逾期）',
  openInTimeWord: '未答复（未到期）',
  basis: (p: { year: number }) =>
    `统计口径：${p.year}年内交办的每一轮（含不满意后重新交办、重办）算一件次；按期答复 = 在办理期限内答复；平均用时按工作日（节假日、调休已计入）从交办算到答复；解决率 = A 已解决 ÷ 已答复；满意率 = （满意 + 基本满意）÷ 已评价；已撤回、已退回的不计。`,
};

/** `视察参加` etc.: one register column per activity type. */
export const activityTypeHeader = (type: string): string => `${type}参加`;
