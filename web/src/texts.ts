// Wording only the pages use. Every label the server also shows (statuses, actions, job names, kinds…)
// comes from the contract (`@contracts`), never from here.
import type { OpinionStatus, Resolution } from '@contracts';

/** How each status is coloured (the statuses and their words are the contract's: OPINION_STATUSES). */
const STATUS_TAG: Record<OpinionStatus, 'info' | 'warning' | 'primary' | 'success' | 'danger'> = {
  待交办: 'warning',
  已交办: 'primary',
  已答复: 'info',
  已办结: 'success',
  已撤回: 'info',
  已退回: 'danger',
};
/** A status's tag colour; anything unknown is 'info'. */
export const statusTag = (status: string) => STATUS_TAG[status as OpinionStatus] ?? 'info';

export const CONFLICT = '该意见已被他人更新，已重新载入';
export const EXPIRED_LINK = '链接已失效，请在企业微信中重新发送「登录」';

/** Why a sign-in did not work, by the `login` query value the server redirects with. */
export const LOGIN_PROBLEM: Record<string, string> = {
  expired: EXPIRED_LINK,
  rate_limited: '登录尝试太频繁，请稍后再试',
  wecom_unavailable: '本系统未配置企业微信登录，请在企业微信中给「代表助手」发送「登录」',
  wecom_failed: '企业微信登录没有成功，请重试，或在企业微信中发送「登录」',
  report: '请先登录：登录后会自动下载述职报告草稿',
};

// 活动与会议 form and 值班 page (issue 14).
export const EVENT_FORM = {
  createTitle: '发布活动 / 会议通知',
  fixedOnEdit: '标题、类别和类型发布后不能修改（与「修改活动」「修改会议」相同）；如需更改请取消后重新发布。',
  roomCode: '开启后代表须发送会场屏幕上每分钟更换的 4 位签到码',
  createNotice: (kind: 'activity' | 'meeting') =>
    kind === 'activity' ? '发布后将在群里通知，与「发布活动」相同。' : '发送后将在群里@全体通知，与「会议通知」相同。',
  editNotice: (kind: 'activity' | 'meeting') =>
    kind === 'activity'
      ? '时间、地点、名额或报名截止有变化时，群里通知并提醒已报名和候补的代表（与「修改活动」相同）。名额不能少于已报名人数。'
      : '时间或地点有变化时，群里@全体通知（与「修改会议」相同）。',
  expected: (n: number, editing: boolean) =>
    editing ? `${n} 人（发通知时的全体在册代表，后来回执的也计入）` : `全体在册代表（现有 ${n} 人），无需逐个选择`,
  created: (e: { code: string; kind: string }) =>
    `已${e.kind === 'activity' ? '发布活动' : '发出会议通知'} ${e.code}，群里已通知`,
  saved: (code: string, changed: string[]) =>
    changed.length ? `已修改 ${code}（${changed.join('、')}），已发出变更通知` : `已保存 ${code}，没有需要通知的变化`,
};

export const SHIFTS = {
  weekdays: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  allStations: '全部联络站',
  wholeDay: '全天',
  assigned: (added: string[], already: string[]) =>
    [
      added.length ? `已排班：${added.join('、')}（已通知）` : '',
      already.length ? `已在这个班次：${already.join('、')}` : '',
    ]
      .filter(Boolean)
      .join('；'),
  removed: (name: string) => `已把 ${name} 移出这个班次，并已通知本人`,
  confirmRemove: (name: string, label: string) => `把 ${name} 移出 ${label} 的值班？本人会收到通知。`,
};

/** An answer's resolution as a tag colour. A: solved (green); B, C: under way (amber); D: not possible for now (grey). */
export const resolutionTag = (r: Resolution) => (r === 'A' ? 'success' : r === 'D' ? 'info' : 'warning');
