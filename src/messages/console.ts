// Chinese text for the office console (工作台): the 登录 command, API errors, form errors, export names.
import { ROSTER_FIELD_LABELS } from '../contracts/labels';

export const consoleText = {
  consoleLoginLink: (p: { url: string; minutes: number; office: boolean }) =>
    `工作台登录链接（${p.minutes}分钟内有效，只能用一次）：\n${p.url}\n` +
    `${p.office ? '在电脑或手机浏览器中打开即可办理意见建议、查看统计、下载台账。' : '打开后可查看您本人的意见建议办理情况。'}请勿转发给他人。`,
  /** The one-time link's confirm page: a GET shows it, only its POST spends the link. */
  consoleLoginPageTitle: () => '进入代表工作台',
  consoleLoginPageHint: () => '正在进入工作台……如果没有自动跳转，请点击下面的按钮。',
  consoleLoginPageButton: () => '进入工作台',
  /** Names arrive HTML-escaped: the page is HTML. */
  consoleLoginSwitchHint: (p: { current: string; next: string }) =>
    `您当前以 ${p.current} 登录，切换为 ${p.next}？如果不是您本人打开的这个链接，请关闭本页。`,
  consoleLoginSwitchButton: () => '切换登录',
  consoleLoginGroupOnly: () => '为了安全，登录链接只在单聊中发送。请点开我的头像，单独给我发送「登录」。',
  opinionChangedMeanwhile: (p: { code: string }) =>
    `建议 ${p.code} 刚刚已被更新（可能是其他工作人员在群聊或工作台中办理了），页面已重新载入，请查看后再操作。`,
  opinionNoticeReminded: (p: { code: string; title: string; unit: string; deadline: string }) =>
    `您的建议 **${p.code}**「${p.title}」已由人大办向「${p.unit}」督办，请其在办理期限（${p.deadline}）内答复。`,
  timelineReminded: (p: { when: string; name: string; unit: string }) => `- ${p.when} ${p.name} 向「${p.unit}」督办`,

  apiNotSignedIn: () => '请先登录工作台：在企业微信中单聊助手发送「登录」获取链接。',
  apiForbidden: () => '您没有权限进行这项操作。',
  apiCsrf: () => '页面已过期，请刷新页面后再试。',
  apiNotFound: () => '找不到要查看的内容，可能编号有误。',
  outboxNotFailed: () => '这条消息不是发送失败的状态（可能已发出、已放弃或正在发送），不能重发。',
  outboxNotWaiting: () => '这条消息已发出、正在发送或已放弃，不能再放弃。',
  outboxNotFound: () => '找不到这条消息，可能已被清理。',
  rosterFileTooBig: () => '文件太大（最大 2 MB），请只保留名册工作表后再上传。',
  rosterImportHasErrors: () => '名册文件有错误，名册没有任何改动。请按行号修改后重新上传。',
  apiRateLimited: () => '登录尝试过于频繁，请过几分钟再试。',
  apiInternal: () => '服务器处理时出了问题，请稍后再试；如果一直这样，请联系管理员。',
  apiInvalid: (p: { fields: string[] }) => `请检查：${p.fields.join('、')}。`,

  formRequired: (p: { label: string }) => `请填写「${p.label}」`,
  formTooLong: (p: { label: string; max: number }) => `「${p.label}」最多 ${p.max} 个字`,
  formTooFew: (p: { label: string; min: number }) => `「${p.label}」至少要有 ${p.min} 项`,
  formTooMany: (p: { label: string; max: number }) => `「${p.label}」最多 ${p.max} 项`,
  formRange: (p: { label: string; min?: number; max?: number }) =>
    p.min !== undefined && p.max !== undefined
      ? `「${p.label}」应在 ${p.min} 到 ${p.max} 之间`
      : p.min !== undefined
        ? `「${p.label}」不能小于 ${p.min}`
        : `「${p.label}」不能大于 ${p.max ?? ''}`,
  formNumber: (p: { label: string }) => `「${p.label}」应是整数`,
  formDate: (p: { label: string }) => `「${p.label}」应是日期，格式如 2026-12-31`,
  formChoice: (p: { label: string; options: string }) => `「${p.label}」只能是：${p.options}`,
  formBad: (p: { label: string }) => `「${p.label}」填写有误`,
  formDeadlineOrWorkdays: () => '「办理期限」和「工作日数」只填一项',
  formUnknownField: (p: { field: string }) => `不认识的字段「${p.field}」`,
  // 活动与会议 and 值班 forms
  formDateTime: (p: { label: string }) => `「${p.label}」应是日期和钟点，格式如 2026-12-05 14:30`,
  formClock: (p: { label: string }) => `「${p.label}」应是钟点，格式如 09:30`,
  // -- 公告 composer and roster form (issue 14)
  rosterUseridTaken: (p: { userid: string }) =>
    `企业微信账号「${p.userid}」已在名册中。要修改这位代表的信息，请在名册里点「编辑」。`,
  rosterUseridUnknown: (p: { userid: string }) => `名册中没有企业微信账号「${p.userid}」，可能已被删除。请刷新页面。`,
};

/** The form fields' names as the office sees them. */
export const consoleFieldLabels: Record<string, string> = {
  // The roster form's fields are the roster's columns.
  ...ROSTER_FIELD_LABELS,
  unit: '承办单位',
  deadline: '办理期限',
  workdays: '工作日数',
  days: '工作日数',
  text: '答复内容',
  resolution: '落实分类',
  reason: '退回原因',
  cancelReason: '取消原因',
  version: '版本',
  codes: '建议编号',
  code: '建议编号',
  year: '年份',
  status: '状态',
  category: '类别',
  source: '来源',
  filer: '提出人',
  due: '期限情况',
  q: '关键词',
  sort: '排序',
  order: '排序方向',
  page: '页码',
  pageSize: '每页条数',
  fullText: '原文',
  off: '放假日期',
  on: '调休上班日期',
  person: '操作人',
  channel: '渠道',
  file: '名册文件',
  deactivateMissing: '停用文件中没有的代表',
  office: '人大办身份',
  active: '在册状态',
  from: '起始日期',
  to: '截止日期',
  // 活动与会议 and 值班 forms
  kind: '类别',
  title: '标题',
  // -- 票决 form
  candidates: '候选',
  choose: '应选项数',
  upTo: '可少选',
  type: '类型',
  startAt: '开始时间',
  endAt: '结束时间',
  place: '地点',
  capacity: '名额',
  signupDeadline: '报名截止',
  roomCode: '现场签到码',
  requestId: '请求编号',
  day: '日期',
  time: '开始时间',
  userids: '值班代表',
  week: '周',
  // -- 公告 composer, 学习资料 queue, roster form (issue 14)
  content: '公告内容',
  mentionAll: '@全体',
  when: '发送时间',
  at: '发送时间',
  link: '链接',
  queue: '待推送队列',
  mode: '操作',
};

/** Download names: ASCII for old browsers, Chinese (RFC 5987 filename*) for everyone else. */
export const consoleExportNames = {
  filtered: '意见建议（筛选结果）',
  filteredAscii: 'opinions-filtered',
};
