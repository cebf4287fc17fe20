// Chinese text for what follows a 票决: 民生实事 projects (立项, progress, inspections), the year-end 满意度测评,
// 部门评议, and reminding non-voters (催投).
import { BALLOT_KIND_LABELS, PROJECT_STATE_LABELS, RATINGS } from '../contracts/labels';

type Of = 'project' | 'unit';

export interface RatingResultLine {
  n: number;
  name: string;
  counts: number[];
  rated: number;
  rate: string;
}

const kindWord = (of: Of) => BALLOT_KIND_LABELS[of];
const ratingExample = (code: string, n: number) =>
  `投票 ${code} ${Array.from({ length: Math.min(n, 3) }, (_, i) => RATINGS[i % 2]).join(' ')}${n > 3 ? ' …' : ''}`;

export const projectsText = {
  // -- 测评 and 评议
  appraisalDefaultTitle: (p: { year: number; of: Of }) =>
    p.of === 'project' ? `${p.year}年民生实事项目满意度测评` : `${p.year}年部门评议`,
  appraisalRecordLine: (p: {
    unit: string;
    received: number;
    answered: number;
    onTimeRate: string;
    resolveRate: string;
    satisfactionRate: string;
  }) =>
    `- ${p.unit}：本年交办 ${p.received} 件，已答复 ${p.answered} 件，按期答复率 ${p.onTimeRate}，解决率 ${p.resolveRate}，满意率 ${p.satisfactionRate}`,
  appraisalOpenedPush: (p: {
    code: string;
    title: string;
    of: Of;
    subjects: string[];
    deadline: string;
    records: string[];
  }) =>
    [
      `**${kindWord(p.of)}** ${p.code}《${p.title}》`,
      `请对每一项评价（满意 / 基本满意 / 不满意），共 ${p.subjects.length} 项：`,
      ...p.subjects.map((s, i) => `${i + 1}. ${s}`),
      ...(p.records.length ? ['各单位本年办理代表建议情况：', ...p.records] : []),
      `截止：${p.deadline}`,
      `请**私聊**助手投票，按序号顺序逐项写评价（例：${ratingExample(p.code, p.subjects.length)}）。投票不记名。`,
    ].join('\n'),
  appraisalOpened: (p: {
    code: string;
    title: string;
    of: Of;
    subjects: string[];
    deadline: string;
    entitled: number;
  }) =>
    [
      `已发起${kindWord(p.of)} ${p.code}《${p.title}》，截止 ${p.deadline}，可投票代表 ${p.entitled} 人。`,
      ...p.subjects.map((s, i) => `${i + 1}. ${s}`),
      `已通知群里。发送「催投 ${p.code}」私下提醒未投票的代表；结束后发送「票决结果 ${p.code}」查看结果。`,
    ].join('\n'),
  appraisalTestUsage: () =>
    '格式：发起测评 [标题] [项目：<编号>；<编号>] 截止：<时间>\n例：发起测评 截止：12月20日18点（不写项目时测评本年全部民生实事项目）',
  appraisalUnitUsage: () =>
    '格式：发起评议 [标题] 单位：<承办单位>；<承办单位> 截止：<时间>\n例：发起评议 单位：住建办；派出所；市场监管所 截止：12月20日18点',
  appraisalOpenInGroup: () => '请私聊助手发起测评或评议，群里只发通知。',
  appraisalResult: (p: {
    code: string;
    title: string;
    voted: number;
    entitled: number;
    quorum: boolean;
    lines: RatingResultLine[];
    records: string[];
  }) =>
    [
      `**测评结果** ${p.code}《${p.title}》`,
      `参加投票 ${p.voted}/${p.entitled} 人，${p.quorum ? '超过全体代表的半数，测评有效。' : '未超过全体代表的半数，测评无效。'}`,
      ...p.lines.map(
        (l) => `${l.n}. ${l.name}：${RATINGS.map((r, i) => `${r} ${l.counts[i] ?? 0}`).join('，')}；满意率 ${l.rate}`,
      ),
      ...(p.records.length ? ['各单位本年办理代表建议情况：', ...p.records] : []),
    ].join('\n'),
  ballotRated: (p: { code: string; title: string; count: number }) =>
    `已投票：${p.code}《${p.title}》，您评价了 ${p.count} 项。投票不记名，结束后公布结果。`,
  ballotBadRatings: (p: { code: string; subjects: number }) =>
    `请按序号顺序逐项写评价（满意 / 基本满意 / 不满意，共 ${p.subjects} 项），用空格隔开。例：${ratingExample(p.code, p.subjects)}`,
  ballotListRatingLine: (p: {
    code: string;
    title: string;
    deadline: string;
    voted: boolean;
    entitled: boolean;
    turnout?: string;
    subjects: string[];
  }) =>
    [
      `- ${p.entitled ? (p.voted ? '✅ 已投 ' : '⬜ 未投 ') : ''}${p.code}《${p.title}》逐项评价 ${p.subjects.length} 项，截止 ${p.deadline}${p.turnout ? `（${p.turnout}）` : ''}`,
      ...(p.entitled && !p.voted ? p.subjects.map((s, i) => `  ${i + 1}. ${s}`) : []),
      ...(p.entitled && !p.voted ? [`  私聊助手：${ratingExample(p.code, p.subjects.length)}`] : []),
    ].join('\n'),
  // -- 催投
  ballotRemindPush: (p: { code: string; title: string; deadline: string; rating: boolean }) =>
    `**请投票** ${p.code}《${p.title}》将于 ${p.deadline} 截止，您还没有投票。请私聊助手发送「票决」查看${p.rating ? '评价项目' : '候选'}和投票方法。投票不记名。`,
  ballotRemindUsage: () => '格式：催投 <编号>\n例：催投 PJ2026-001（私下提醒还没有投票的代表）',
  ballotReminded: (p: { code: string; told: number; unreachable: string[]; voted: number; entitled: number }) =>
    [
      `${p.code} 已投 ${p.voted}/${p.entitled} 人。已私下提醒 ${p.told} 位未投票的代表。`,
      p.unreachable.length
        ? `${p.unreachable.length} 位没有私聊过助手，无法私下提醒，请另行通知：${p.unreachable.join('、')}`
        : '',
    ]
      .filter(Boolean)
      .join('\n'),
  // -- 民生实事 projects
  projectStateWord: (p: { state: keyof typeof PROJECT_STATE_LABELS }) => PROJECT_STATE_LABELS[p.state],
  projectAdoptUsage: () =>
    '格式：立项 <票决编号> [<序号>] [单位：<承办单位>]\n例：立项 PJ2026-001（当选的候选全部立项），立项 PJ2026-001 2 单位：住建办',
  projectAdopted: (p: {
    ballotCode: string;
    lines: Array<{ code: string; title: string; unit: string; existed: boolean }>;
  }) =>
    [
      `${p.ballotCode} 立项：`,
      ...p.lines.map(
        (l) => `- ${l.code} ${l.title}（${l.unit || '承办单位未定'}）${l.existed ? '（之前已立项）' : ''}`,
      ),
      p.lines.some((l) => !l.unit)
        ? `发送「实事单位 ${p.lines.find((l) => !l.unit)!.code} <承办单位>」指定承办单位；里程碑在工作台「民生实事」页填写。`
        : '里程碑在工作台「民生实事」页填写；发送「实事进展 <编号> <内容>」记录进展。',
    ].join('\n'),
  projectBadCode: (p: { input: string }) =>
    `「${p.input}」不是民生实事项目编号。例：实事 SS2026-001（发送「实事」查看编号）`,
  projectListEmpty: (p: { year: number }) => `${p.year}年还没有民生实事项目。`,
  projectListHeader: (p: { year: number; count: number }) => `**${p.year}年民生实事项目**（${p.count} 项）`,
  projectListLine: (p: {
    code: string;
    title: string;
    unit: string;
    state: string;
    progress: number;
    inspections: number;
  }) =>
    `- ${p.code} ${p.title}（${p.unit || '承办单位未定'}）${p.state} · 进展 ${p.progress} 条 · 视察 ${p.inspections} 次`,
  projectListFooter: () => '发送「实事 <编号>」查看一项的里程碑、进展和视察。',
  projectDetail: (p: {
    code: string;
    title: string;
    unit: string;
    state: string;
    ballotCode: string;
    milestones: string[];
    progress: string[];
    inspections: string[];
    more: number;
  }) =>
    [
      `**${p.code} ${p.title}**（${p.state}）`,
      `承办单位：${p.unit || '未定'}；由 ${p.ballotCode} 票决确定`,
      p.milestones.length ? '里程碑：' : '里程碑：未填写',
      ...p.milestones,
      p.progress.length
        ? `进展（最近 ${p.progress.length} 条${p.more ? `，另有 ${p.more} 条在工作台` : ''}）：`
        : '进展：暂无',
      ...p.progress,
      p.inspections.length ? '代表视察：' : '代表视察：暂无',
      ...p.inspections,
    ].join('\n'),
  projectMilestoneLine: (p: { due: string; text: string; passed: boolean }) =>
    `- ${p.due} ${p.text}${p.passed ? '（已到期）' : ''}`,
  projectProgressLine: (p: { at: string; text: string }) => `- ${p.at} ${p.text}`,
  projectInspectionLine: (p: {
    code: string;
    title: string;
    at: string;
    signed: number;
    attended: number;
    cancelled: boolean;
  }) => `- ${p.code} ${p.title}（${p.at}）${p.cancelled ? '已取消' : `报名 ${p.signed} 人，签到 ${p.attended} 人`}`,
  projectProgressUsage: () =>
    '格式：实事进展 <编号> [公布] <内容>\n例：实事进展 SS2026-001 公布 路基已完成，进入铺设阶段（写「公布」同时发到群里）',
  projectProgressPosted: (p: { code: string; pushed: boolean; count: number }) =>
    `已记录 ${p.code} 的进展（共 ${p.count} 条）${p.pushed ? '，并发到群里' : ''}。`,
  projectProgressPush: (p: { code: string; title: string; unit: string; text: string; by: string }) =>
    [`**民生实事进展** ${p.code} ${p.title}${p.unit ? `（${p.unit}）` : ''}`, p.text, `—— ${p.by}`].join('\n'),
  projectUnitUsage: () => '格式：实事单位 <编号> <承办单位>\n例：实事单位 SS2026-001 住建办',
  projectUnitSet: (p: { code: string; unit: string; typed?: string; isNew: boolean }) =>
    `已把 ${p.code} 的承办单位定为「${p.unit}」${p.typed ? `（按「${p.typed}」匹配）` : ''}${p.isNew ? '（新单位）' : ''}。`,
  projectCompleted: (p: { code: string; title: string }) => `已把 ${p.code} ${p.title} 标为完成。`,
  // -- the console's forms
  projectPickBallot: () => '请选择已结束的票决',
  projectPickProject: () => '请选择民生实事项目',
  // -- refusals (chat and console)
  projectNotFound: (p: { code: string }) => `没有找到民生实事项目 ${p.code}。发送「实事」查看本年的项目。`,
  refusalProjectNotFound: (p: { code: string }) => `没有找到民生实事项目 ${p.code}。`,
  projectBallotNotPick: (p: { code: string }) => `${p.code} 是测评或评议，不能立项：立项用已结束的民生实事票决。`,
  projectNoneChosen: (p: { code: string; quorum: boolean }) =>
    p.quorum
      ? `${p.code} 没有当选的候选（票数相同的需另行决定）。`
      : `${p.code} 票决无效（参加投票未过半数），没有当选的候选。`,
  projectNoneChosenNext: (p: { code: string }) => `人大办决定后可逐个立项：立项 ${p.code} <序号>`,
  projectNotChosen: (p: { code: string; n: number; name: string }) =>
    `${p.code} 的 ${p.n}. ${p.name} 没有当选，不能立项。`,
  projectBadCandidate: (p: { code: string; n: number; max: number }) =>
    `序号 ${p.n} 不是 ${p.code} 的候选，候选序号是 1 到 ${p.max}。`,
  projectUnitTooLong: (p: { max: number }) => `承办单位名称最长 ${p.max} 字。`,
  projectUnitAmbiguous: (p: { input: string; candidates: string[] }) =>
    `「${p.input}」可能是：${p.candidates.join('、')}。请写全称；确是新单位时在名称后加「（新）」。`,
  projectProgressMissing: () => '请填写进展内容。',
  projectProgressTooLong: (p: { max: number; length: number }) =>
    `进展最长 ${p.max} 字（现在 ${p.length} 字），请分几次记录。`,
  projectMilestoneTextMissing: (p: { n: number }) => `第 ${p.n} 个里程碑没有写内容。`,
  projectMilestoneTooLong: (p: { n: number; max: number }) => `第 ${p.n} 个里程碑最长 ${p.max} 字。`,
  projectTooManyMilestones: (p: { max: number }) => `里程碑最多 ${p.max} 个。`,
  projectChangedMeanwhile: (p: { code: string }) => `${p.code} 刚被别人修改过，请刷新后再改。`,
  projectAlreadyDone: (p: { code: string }) => `${p.code} 已经标为完成。`,
  projectUnknownForActivity: (p: { code: string }) => `没有民生实事项目 ${p.code}。发送「实事」查看编号。`,
  refusalProjectUnknownForActivity: (p: { code: string }) => `没有民生实事项目 ${p.code}。`,
  appraisalNoProjects: (p: { year: number }) => `${p.year}年还没有民生实事项目，先把票决当选的候选立项。`,
  appraisalUnknownProject: (p: { code: string }) => `没有民生实事项目 ${p.code}。`,
  appraisalUnitsMissing: () => '请至少填写一个承办单位。',
  appraisalTooManySubjects: (p: { max: number }) => `一次最多评价 ${p.max} 项。`,
  appraisalSubjectTwice: (p: { name: string }) => `「${p.name}」写了两次。`,
  ballotWrongRatings: (p: { code: string; subjects: number; given: number }) =>
    `${p.code} 要对 ${p.subjects} 项逐项评价（满意 / 基本满意 / 不满意），您写了 ${p.given} 项，没有计票。请重新发送。`,
  ballotWrongKind: (p: { code: string; rating: boolean; subjects: number }) =>
    p.rating
      ? `${p.code} 是测评，请按序号顺序逐项写评价，例：${ratingExample(p.code, p.subjects)}`
      : `${p.code} 是票决，请写候选的序号，例：投票 ${p.code} 1 3`,
  refusalBallotWrongKind: (p: { code: string; rating: boolean }) =>
    p.rating ? `${p.code} 是测评或评议：每一项评价满意、基本满意或不满意。` : `${p.code} 是票决：请选候选。`,
  ballotAllVoted: (p: { code: string }) => `${p.code} 全部代表都已投票，不用提醒。`,
};

/** The 民生实事 workbook and the 测评 / 评议 result workbooks: sheet names, headers, file names. */
export const projectSheetWords = {
  projectsSheet: '民生实事项目',
  progressSheet: '进展记录',
  appraisalSummarySheet: '测评评议汇总',
  projectsFile: (year: number) => `民生实事-${year}`,
  appraisalFile: (code: string) => `测评结果-${code}`,
  kind: BALLOT_KIND_LABELS,
  valid: '有效',
  invalid: '无效（未过半数）',
  yes: '是',
  no: '否',
  headers: {
    code: '编号',
    title: '项目',
    unit: '承办单位',
    state: '状态',
    ballot: '票决',
    milestones: '里程碑',
    progressCount: '进展条数',
    lastProgress: '最近进展',
    doneAt: '完成时间',
    at: '时间',
    text: '内容',
    pushed: '已发群',
    ballotCode: '编号',
    ballotTitle: '标题',
    ballotKind: '类别',
    deadline: '截止时间',
    closedAt: '结束时间',
    entitled: '应投人数',
    turnout: '参加人数',
    validity: '是否有效',
    n: '序号',
    subject: '评价对象',
    satisfied: '满意',
    basic: '基本满意',
    dissatisfied: '不满意',
    rated: '评价人数',
    rate: '满意率',
    cases: '本年交办件次',
    answered: '已答复',
    onTime: '按期答复',
    onTimeRate: '按期答复率',
    averageWorkdays: '平均用时（工作日）',
    resolveRate: '解决率',
    opinionRate: '建议办理满意率',
  },
};

/** The year-end pack's 民生实事 and 测评 / 评议 parts. */
export const projectPackWords = {
  projectsFile: (year: number) => `07-民生实事-${year}.xlsx`,
  projectsWhat: '本年度民生实事项目：承办单位、状态、里程碑，以及每条进展',
  appraisalsFile: (year: number) => `08-测评评议结果-${year}.xlsx`,
  appraisalsWhat: '本年度已结束的满意度测评和部门评议：每次一张表，只有各项的评价人数和满意率，不含谁投了什么',
};
