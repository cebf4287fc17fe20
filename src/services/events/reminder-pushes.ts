import { t } from '../../messages';
import type { ActivityDoc } from '../../models/activity';
import type { Reminder } from '../../models/event-parts';
import type { MeetingDoc } from '../../models/meeting';
import type { ShiftDoc } from '../../models/shift';
import { neutralizeUserText } from '../../text/sanitize';
import { formatDateTime } from '../../time/format';
import type { EventDeps } from './deps';
import { shiftPushLabel } from './shift-labels';

/** Reminder keys: `reminder:<code>:<minutes>`, with the revision once the time was changed. */
export function reminderKey(id: string, minutesBefore: number, rev: number): string {
  return `reminder:${id}:${minutesBefore}${rev > 0 ? `:r${rev}` : ''}`;
}

const mentions = (ids: string[]) => ids.map((u) => `<@${u}>`).join(' ');

/** What the group is told when a reminder of an activity, a meeting or a shift is due (the sweep sends each once). */
export function createReminderPushes(d: EventDeps, silentIds: (m: MeetingDoc, now: Date) => Promise<string[]>) {
  const tz = d.config.timezone;

  async function activityPush(a: ActivityDoc, r: Reminder): Promise<void> {
    const body = t('activityReminderPush', {
      code: a.code,
      title: neutralizeUserText(a.title),
      when: formatDateTime(a.startAt, tz),
      place: neutralizeUserText(a.place),
      minutesBefore: r.minutesBefore,
    });
    await d.notify.toGroup(
      reminderKey(a.code, r.minutesBefore, a.reminderRev),
      a.confirmedIds.length ? `${body}\n${mentions(a.confirmedIds)}` : body,
    );
  }

  async function meetingPush(m: MeetingDoc, r: Reminder, now: Date): Promise<void> {
    // Every meeting reminder names and @-mentions those who have not answered yet.
    const silent = await silentIds(m, now);
    const names = await d.roster.namesOf(silent);
    const body = t('meetingReminderPush', {
      code: m.code,
      title: neutralizeUserText(m.title),
      when: formatDateTime(m.startAt, tz),
      place: neutralizeUserText(m.place),
      minutesBefore: r.minutesBefore,
      silentNames: silent.map((u) => names.get(u) ?? u),
    });
    await d.notify.toGroup(
      reminderKey(m.code, r.minutesBefore, m.reminderRev),
      silent.length ? `${body}\n${mentions(silent)}` : body,
    );
  }

  async function shiftPush(s: ShiftDoc, r: Reminder): Promise<void> {
    if (s.memberIds.length === 0) return;
    const body = t('shiftReminderPush', { label: shiftPushLabel(s, tz) });
    await d.notify.toGroup(
      reminderKey(`shift-${String(s._id)}`, r.minutesBefore, s.reminderRev),
      `${body}\n${mentions(s.memberIds)}`,
    );
  }

  return { activityPush, meetingPush, shiftPush };
}
