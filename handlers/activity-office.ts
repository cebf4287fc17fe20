import { readProjectCode } from '../src/commands/record-codes';
import { defineCommand } from '../src/commands/types';
import { t } from '../src/messages';
import { eventTimeIfGiven, readSignupDeadline } from './shared/event-words';
import { formatDateTime } from '../src/time/format';
import { formatSignupDeadline } from '../src/services/events';

const KEYS = ['时间', '地点', '名额', '截止', '类型'] as const;
/** 发布活动 also takes the 民生实事 project a 视察 inspects. */
const PUBLISH_KEYS = [...KEYS, '项目'] as const;

/** 发布活动: creates an activity and announces it in the group. */
export const publishActivityCommand = defineCommand({
  name: '发布活动',
  role: 'office',
  summary: '发布活动（可限名额、设报名截止），群里通知',
  example: '发布活动 视察镇敬老院 时间：11月25日14:30 地点：镇敬老院 名额：10 类型：视察',
  args: {
    options: PUBLISH_KEYS,
    params: [{ kind: 'text', name: 'title', label: '标题', required: true }],
    requiredOptions: ['时间'],
    anyOf: true,
    usage: 'activityUsage',
  },
  uses: ['events', 'holidays'],
  async run({ params: { title }, options: o, actor, msgId, now, services, config }) {
    const tz = config.timezone;
    const { activity: a, existed } = await services.events.activities.create({
      title: title ?? '',
      time: eventTimeIfGiven(o.时间, now, tz),
      place: o.地点,
      capacity: o.名额,
      deadline: o.截止 ? readSignupDeadline(o.截止, now, tz) : undefined,
      type: o.类型,
      project: o.项目 ? readProjectCode(o.项目, now, tz) : undefined,
      actor,
      origin: msgId,
      now,
    });
    return t('activityCreated', {
      code: a.code,
      title: a.title,
      type: a.type,
      when: formatDateTime(a.startAt, tz),
      place: a.place,
      capacity: a.capacity,
      deadline: formatSignupDeadline(a, tz, services.holidays.calendar()),
      existed,
    });
  },
});

/** 修改活动 <编号> 时间：… 地点：… 名额：… 截止：…: everyone signed up is told. */
export const changeActivityCommand = defineCommand({
  name: '修改活动',
  role: 'office',
  summary: '修改活动的时间、地点、名额或报名截止，通知已报名的代表',
  example: '修改活动 HD2026-001 时间：11月26日9:00 地点：镇政府二楼会议室',
  args: {
    options: KEYS,
    params: [{ kind: 'code', name: 'code', of: 'HD', required: true }],
    usage: 'activityChangeUsage',
  },
  uses: ['events', 'roster', 'holidays'],
  async run({ params: { code }, options: o, actor, msgId, now, services, config }) {
    const tz = config.timezone;
    const r = await services.events.activities.change({
      code,
      time: eventTimeIfGiven(o.时间, now, tz),
      place: o.地点,
      capacity: o.名额,
      deadline: o.截止 ? readSignupDeadline(o.截止, now, tz) : undefined,
      actor,
      origin: msgId,
      now,
    });
    const a = r.activity;
    const names = await services.roster.namesOf(r.promoted);
    return t('activityChanged', {
      code: a.code,
      changed: r.changed,
      when: formatDateTime(a.startAt, tz),
      place: a.place,
      capacity: a.capacity,
      confirmed: a.confirmedCount,
      deadline: formatSignupDeadline(a, tz, services.holidays.calendar()),
      promoted: r.promoted.map((u) => names.get(u) ?? u),
    });
  },
});

/** 取消活动 <编号> <原因>: signed-up deputies are told; no reminders afterwards. */
export const cancelActivityCommand = defineCommand({
  name: '取消活动',
  role: 'office',
  summary: '取消活动并说明原因，通知已报名的代表',
  example: '取消活动 HD2026-001 因天气原因顺延',
  args: {
    params: [
      { kind: 'code', name: 'code', of: 'HD', required: true },
      { kind: 'text', name: 'reason', label: '原因', required: true },
    ],
    usage: 'activityCancelUsage',
  },
  uses: ['events'],
  async run({ params: { code, reason }, msgId, now, services }) {
    const r = await services.events.activities.cancel({ code, reason, origin: msgId, now });
    return t('activityCancelledReply', { code: r.activity.code, told: r.told });
  },
});
