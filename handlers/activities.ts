import { defineCommand } from '../src/commands/types';
import { t } from '../src/messages';
import { checkinWindow } from '../src/services/events';
import { formatDateTime } from '../src/time/format';
import { activityCard } from '../src/cards';
import { activityFacts, myActivityState } from './shared/event-cards';
import { activityLine } from './shared/event-format';

/** 活动: upcoming activities with places left and whether I'm in; with a code, one activity and its card. */
export const activityListCommand = defineCommand({
  name: '活动',
  role: 'deputy',
  summary: '近期活动：时间、地点、剩余名额、我是否已报名；加编号可直接报名',
  example: '活动',
  args: { params: [{ kind: 'code', name: 'code', of: 'HD' }] },
  uses: ['events', 'holidays'],
  readOnly: true,
  async run({ params: { code }, actor, now, services, config }) {
    if (code) {
      const a = await services.events.activities.byCode(code, now);
      const calendar = services.holidays.calendar();
      const text = activityLine(a, actor.userid, now, config.timezone, calendar);
      if (a.status === 'cancelled' || a.deadline <= now) return text;
      const card = activityCard(activityFacts(a, config.timezone, calendar), now, myActivityState(a, actor.userid));
      return { text: `${text}\n${t('activityListFooter')}`, card };
    }
    const list = await services.events.activities.listCurrent(now);
    if (list.length === 0) return t('activityListEmpty');
    return [
      t('activityListHeader'),
      ...list.map((a) => activityLine(a, actor.userid, now, config.timezone, services.holidays.calendar())),
      t('activityListFooter'),
    ].join('\n');
  },
});

/** 报名 <编号>: a place, or the waitlist with my position. */
export const signUpCommand = defineCommand({
  name: '报名',
  role: 'deputy',
  summary: '报名参加活动；满员自动进入候补',
  example: '报名 HD2026-001',
  args: { params: [{ kind: 'code', name: 'code', of: 'HD', required: true }], usage: 'activitySignupUsage' },
  uses: ['events'],
  async run({ params: { code }, actor, now, services, config }) {
    const tz = config.timezone;
    const r = await services.events.activities.signUp(code, actor.userid, now);
    const a = r.activity;
    if (r.outcome === 'waitlisted')
      return t('activityWaitlisted', { code: a.code, title: a.title, position: r.position });
    const opens = checkinWindow(a.startAt, a.endAt, config.tunables.checkin).opens;
    return t('activitySignedUp', {
      code: a.code,
      title: a.title,
      when: formatDateTime(a.startAt, tz),
      place: a.place,
      capacity: a.capacity,
      confirmed: a.confirmedCount,
      opens: formatDateTime(opens, tz),
    });
  },
});

/** 取消报名 <编号>: frees the place; the first waitlisted deputy is promoted and told. */
export const cancelSignUpCommand = defineCommand({
  name: '取消报名',
  aliases: ['取消'],
  role: 'deputy',
  summary: '取消活动报名（或候补），名额自动递补',
  example: '取消报名 HD2026-001',
  args: { params: [{ kind: 'code', name: 'code', of: 'HD', required: true }], usage: 'activityCancelSignupUsage' },
  uses: ['events', 'roster'],
  async run({ params: { code }, actor, now, services }) {
    const r = await services.events.activities.cancelSignup(code, actor.userid, now);
    const names = await services.roster.namesOf(r.promoted);
    return t('activitySignupCancelled', {
      code: r.activity.code,
      wasConfirmed: r.wasConfirmed,
      promoted: r.promoted.map((u) => names.get(u) ?? u),
    });
  },
});
