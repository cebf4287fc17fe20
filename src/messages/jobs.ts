// Chinese text for 任务 (the scheduled jobs, as the office sees them).
import { JOB_LABELS, JOB_OUTCOME_LABELS, labelOf } from '../contracts/labels';

const COUNT_LABELS: Record<string, string> = {
  announcements: '公告',
  expired: '超时公告',
  reminders: '提醒',
  promotions: '候补递补通知',
  pushed: '推送',
  sent: '发送',
  parts: '消息',
  inbound: '消息记录',
  outbox: '推送记录',
  rateWindows: '限流记录',
  jobRuns: '运行记录',
  abandonedRuns: '中断的运行',
};

const NOTES: Record<string, string> = {
  late: '助手当时不在线，已超过补发时限',
  queue_empty: '学习资料队列是空的',
  not_workday: '非工作日，不发送',
  nothing_due: '没有需要发送的内容',
};

export const jobs = {
  jobsHeader: (p: { zone: string }) => `**定时任务**（${p.zone}）`,
  jobsZoneBeijing: () => '北京时间',
  jobsDisabled: () => '⚠️ 定时任务已在服务器配置中关闭（JOBS_ENABLED=false），以下任务都不会自动运行。',
  jobsTitle: (p: { name: string; enabled: boolean }) =>
    `**${labelOf(JOB_LABELS, p.name)}**${p.enabled ? '' : '（已关闭）'}`,
  jobsNext: (p: { when: string }) => `下次：${p.when}`,
  jobsNextNone: () => '下次：—',
  jobsNever: () => '还没有运行过',
  jobsRun: (p: { when: string; status: string; detail: string; attempts: number }) =>
    `${p.when} ${labelOf(JOB_OUTCOME_LABELS, p.status)}${p.attempts > 1 ? `（第${p.attempts}次尝试）` : ''}${p.detail ? `：${p.detail}` : ''}`,
  jobsRecent: (p: { runs: string }) => `最近：${p.runs}`,
  jobsFailedLastDay: (p: { count: number }) => `近24小时失败 ${p.count} 次，技术人员可在日志中查看原因。`,
  jobsCounts: (p: { counts: Record<string, number> }) =>
    Object.entries(p.counts)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${COUNT_LABELS[k] ?? k} ${n}`)
      .join('、'),
  jobsNothingToDo: () => '没有需要处理的',
  jobsNote: (p: { note: string }) => NOTES[p.note] ?? p.note,
  jobsFooter: () => '周报可以先发送「周报」预览。',
  // -- the 操作日志's name for a job's writes (issue 14)
  auditJobName: (p: { name: string }) => `定时任务·${labelOf(JOB_LABELS, p.name)}`,
};
