import { extractOptions, splitFirst } from '../src/commands/args';
import type { Command } from '../src/commands/types';
import { t } from '../src/messages';
import { formatDateTime } from '../src/time/format';

const KEYS = ['时间', '地点', '名额', '截止', '类型'] as const;

/** 发布活动: creates an activity and announces it in the group. */
export const publishActivityCommand: Command = {
  name: '发布活动',
  role: 'office',
  summary: '发布活动（可限名额、设报名截止），群里通知',
  example: '发布活动 视察镇敬老院 时间：11月25日14:30 地点：镇敬老院 名额：10 类型：视察',
  async run({ args, actor, msgId, now, services, config }) {
    const { options: o, rest } = extractOptions(args, KEYS);
    if (!rest && !o.时间) return t('activityUsage');
    const { activity: a, existed } = await services.events.activities.create({
      title: rest, time: o.时间, place: o.地点, capacity: o.名额, deadline: o.截止, type: o.类型, actor, origin: msgId, now,
    });
    const tz = config.timezone;
    return t('activityCreated', { code: a.code, title: a.title, type: a.type, when: formatDateTime(a.startAt, tz), place: a.place, capacity: a.capacity, deadline: formatDateTime(a.deadline, tz), existed });
  },
};

/** 修改活动 <编号> 时间：… 地点：… 名额：… 截止：…: everyone signed up is told. */
export const changeActivityCommand: Command = {
  name: '修改活动',
  role: 'office',
  summary: '修改活动的时间、地点、名额或报名截止，通知已报名的代表',
  example: '修改活动 HD2026-001 时间：11月26日9:00 地点：镇政府二楼会议室',
  async run({ args, actor, msgId, now, services, config }) {
    const { options: o, rest } = extractOptions(args, KEYS);
    const [code] = splitFirst(rest);
    if (!code) return t('activityChangeUsage');
    const r = await services.events.activities.change({ code, time: o.时间, place: o.地点, capacity: o.名额, deadline: o.截止, actor, origin: msgId, now });
    const a = r.activity;
    const names = await services.roster.namesOf(r.promoted);
    const tz = config.timezone;
    return t('activityChanged', {
      code: a.code, changed: r.changed, when: formatDateTime(a.startAt, tz), place: a.place, capacity: a.capacity, confirmed: a.confirmedCount,
      deadline: formatDateTime(a.deadline, tz), promoted: r.promoted.map((u) => names.get(u) ?? u),
    });
  },
};

/** 取消活动 <编号> <原因>: signed-up deputies are told; no reminders afterwards. */
export const cancelActivityCommand: Command = {
  name: '取消活动',
  role: 'office',
  summary: '取消活动并说明原因，通知已报名的代表',
  example: '取消活动 HD2026-001 因天气原因顺延',
  async run({ args, msgId, now, services }) {
    const [code, reason] = splitFirst(args);
    if (!code || !reason) return t('activityCancelUsage');
    const r = await services.events.activities.cancel({ code, reason, origin: msgId, now });
    return t('activityCancelledReply', { code: r.activity.code, told: r.told });
  },
};
