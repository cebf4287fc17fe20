// Every label table the server and the console's pages both show. The server's words are the ones
// people read in the chat, so the console shows the same (web/ imports this module; nothing is copied).

export const OPINION_STATUSES = ['待交办', '已交办', '已答复', '已办结', '已撤回', '已退回'] as const;
export type OpinionStatus = (typeof OPINION_STATUSES)[number];

/** The one status from which a case can be assigned (批量交办 selects only these). */
export const ASSIGNABLE_STATUS: OpinionStatus = '待交办';

/** The opinion list's deadline filter (`due`), with the words the console shows for it. */
export const DUE_FILTERS = ['overdue', 'soon', 'review'] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];
/** `review`: a unit's answer waits for the office's 审核. */
export const DUE_FILTER_LABELS: Record<DueFilter, string> = { overdue: '已逾期', soon: '即将到期', review: '待审核' };

export const OPINION_SOURCES = ['代表', '群众反映'] as const;
export type OpinionSource = (typeof OPINION_SOURCES)[number];

export const RATINGS = ['满意', '基本满意', '不满意'] as const;
export type Rating = (typeof RATINGS)[number];

/**
 * 落实 class of an answer: how far it really solved the problem (A over answered is 解决率).
 * B and C stay open for follow-up.
 */
export const RESOLUTIONS = ['A', 'B', 'C', 'D'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];
export const RESOLUTION_LABELS: Record<Resolution, string> = {
  A: '已解决',
  B: '正在解决',
  C: '列入计划',
  D: '因条件限制暂不能解决',
};

/** 三色预警 of an assigned case: within its time, due within WARN_WORKDAYS working days, overdue. */
export const COLOURS = ['green', 'yellow', 'red'] as const;
export type Colour = (typeof COLOURS)[number];
export const COLOUR_LABELS: Record<Colour, string> = { green: '绿牌', yellow: '黄牌', red: '红牌' };

/** The steps of an opinion's history, and how the timeline names them. */
export const TIMELINE_ACTIONS = [
  'filed',
  'cosigned',
  'assigned',
  'reassigned',
  'answered',
  'rated',
  'reopened',
  'closed',
  'withdrawn',
  'rejected',
  'reminded',
  'recategorized',
  'followUp',
  'redone',
  'submitted',
  'returned',
] as const;
export type TimelineAction = (typeof TIMELINE_ACTIONS)[number];
export const TIMELINE_ACTION_LABELS: Record<TimelineAction, string> = {
  filed: '提交',
  cosigned: '附议',
  assigned: '交办',
  reassigned: '改派',
  answered: '录入答复',
  rated: '评价',
  reopened: '转入下一轮',
  closed: '办结',
  withdrawn: '撤回',
  rejected: '退回',
  reminded: '督办',
  recategorized: '改类别',
  followUp: '设跟踪日期',
  redone: '重办',
  submitted: '单位提交答复',
  returned: '退回单位答复',
};

/**
 * Where a step was taken: a group chat, a one-to-one chat, a voice message, a card tap, the console or a job.
 * 'chat' (or absent) is an entry from before the chat doors were told apart.
 */
export const TIMELINE_VIA = ['chat', 'group', 'single', 'voice', 'card', 'console', 'job'] as const;
export type Via = (typeof TIMELINE_VIA)[number];
export const VIA_LABELS: Record<Via, string> = {
  group: '群聊',
  single: '单聊',
  voice: '语音',
  card: '卡片',
  console: '工作台',
  job: '定时任务',
  chat: '聊天',
};

/** The scheduled jobs (the 任务 command, 概览, 系统, the operation log's "定时任务·…"). */
export const JOB_LABELS = {
  reminders: '提醒推送（会议、活动、值班、定时公告）',
  study: '学习资料推送',
  overdue: '逾期意见提醒（发给人大办）',
  digest: '周报',
  cleanup: '过期记录清理',
  colours: '三色预警（提醒承办单位、提请督办）',
} as const;

/** A job run's outcome. */
export const JOB_OUTCOME_LABELS = {
  running: '运行中',
  succeeded: '完成',
  failed: '失败',
  skipped: '未运行',
} as const;

export const ANNOUNCEMENT_STATUS_LABELS = {
  scheduled: '待发',
  sending: '发送中',
  sent: '已发',
  revoked: '已撤销',
  expired: '未发（超时）',
} as const;

/** A ballot's state on the 票决 page. */
export const BALLOT_STATUS_LABELS = { open: '投票中', closed: '已结束' } as const;

/** What a ballot is: a pick among candidates (票决), or a rating of projects (满意度测评) or units (部门评议). */
export const BALLOT_KIND_LABELS = { pick: '票决', project: '满意度测评', unit: '部门评议' } as const;
export type BallotKindLabel = keyof typeof BALLOT_KIND_LABELS;

/** A 民生实事 project's state. */
export const PROJECT_STATE_LABELS = { underway: '实施中', done: '已完成' } as const;
export type ProjectState = keyof typeof PROJECT_STATE_LABELS;

export const EVENT_KIND_LABELS = { activity: '活动', meeting: '会议' } as const;
export type EventKind = keyof typeof EVENT_KIND_LABELS;

/** What each itemised entry of a deputy's year is (履职 page, the register's per-deputy sheets). */
export const PERFORMANCE_KIND_LABELS = {
  opinion: '提出意见建议',
  cosign: '附议',
  activity: '代表活动',
  meeting: '会议',
  shift: '联络站值班',
  study: '学习',
} as const;

/** The result of each itemised entry. */
export const PERFORMANCE_RESULT_LABELS = {
  filed: '办理中',
  answered: '已答复',
  closed: '已办结',
  withdrawn: '已撤回',
  rejected: '已退回',
  cosigned: '已附议',
  attended: '出席',
  excused: '请假',
  signedUp: '已报名',
  missed: '未签到',
  absent: '缺席',
  upcoming: '待召开',
  scheduled: '已排班',
  marked: '已学',
} as const;

/** The 履职积分 formula's parts: what is counted (the chat's score lines, the 履职 page's table). */
export const SCORE_ITEM_LABELS = {
  meeting: '出席会议',
  activity: '参加活动',
  opinion: '提出建议',
  satisfied: '建议获评满意',
  shift: '值班到岗',
  study: '学习',
} as const;
export type ScoreItem = keyof typeof SCORE_ITEM_LABELS;
/** The unit each part is counted in. */
export const SCORE_ITEM_UNITS: Record<ScoreItem, string> = {
  meeting: '次',
  activity: '次',
  opinion: '件',
  satisfied: '件',
  shift: '次',
  study: '份',
};

/** Roster columns, in the order the import report and the console's import plan show them. */
export const ROSTER_FIELD_LABELS = {
  userid: '企业微信账号',
  name: '姓名',
  level: '层级',
  group: '专业小组',
  station: '联络站',
  district: '选区',
  phone: '手机',
  termStart: '任期开始',
  termEnd: '任期结束',
  active: '状态',
} as const;

/** The operation log's record kinds (the server names the model) and operations. */
export const AUDIT_KIND_LABELS = {
  Opinion: '意见建议',
  Activity: '活动',
  Meeting: '会议',
  Shift: '值班',
  Station: '联络站',
  Deputy: '代表名册',
  Announcement: '公告',
  StudyItem: '学习资料',
  StudyQueue: '学习资料队列',
  Ballot: '票决',
  Project: '民生实事',
} as const;
export const AUDIT_OP_LABELS = { create: '新建', update: '修改', delete: '删除' } as const;
export type AuditOp = keyof typeof AUDIT_OP_LABELS;

/** The outbox's delivery channels, as the 系统 page lists them. */
export const OUTBOX_CHANNEL_LABELS = {
  webhook: '群机器人',
  app: '应用消息',
  'app-card-update': '应用卡片更新',
  response_url: '回复',
  aibot: '智能机器人',
  'aibot-direct': '智能机器人单聊',
} as const;

/** Where a year's holiday arrangement comes from (节假日 in the chat and the console). */
export const HOLIDAY_SOURCE_LABELS = {
  office: '人大办录入',
  file: '服务器配置文件（config/holidays）',
  bundled: '内置的国务院办公厅通知数据',
  none: '尚未录入',
} as const;
export type HolidaySource = keyof typeof HOLIDAY_SOURCE_LABELS;

/** A label from a table, or the raw value when the table has none (a value newer than the page). */
export const labelOf = (table: Readonly<Record<string, string>>, value: string): string => table[value] ?? value;
