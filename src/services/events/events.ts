import { createActivities } from './activities';
import { createActivitySignup } from './activity-signup';
import { flushPendingPromotions } from './activity-lists';
import { createEventBoard } from './board';
import { createEventForms } from './event-form';
import { createCheckin } from './checkin';
import type { EventDeps } from './deps';
import { createReminderSweep } from './reminders';
import { createRoomCodes } from './room-code';
import { createLeave } from './leave';
import { createEventReports } from './reports';
import { createMeetings } from './meetings';
import { createShiftBoard } from './shift-board';
import { createShifts } from './shifts';
import { createStations } from './stations';

/**
 * Activities, meetings and liaison-station shifts. Contracts other features rely on:
 * - sendDueReminders(now, graceMs): enqueues every reminder due in [now − graceMs, now] once
 *   (older ones are marked skipped); returns how many this call enqueued; safe to run concurrently.
 * - upcoming(now, days): activities and meetings starting in the next `days` (weekly digest).
 * - attendanceFor(userid, year): that deputy's activities, meetings and shifts (performance record).
 * - periodSummary(from, to, now): activities held and meeting attendance in a period (统计).
 * - roomCodes: the check-in code on the meeting-room screen (switch on/off, current code); 签到 checks it.
 * - board: the console's listings and one event's people (read-only).
 * - shiftBoard: the console's 值班 week and taking a deputy off a shift (排班 is shifts.assign).
 * - forms: the console's create / edit form, through create and change above (same rules and notices).
 * - flushPromotions(): re-queues waitlist promotions whose push a crash cut off (reminders job).
 */
export function createEvents(d: EventDeps) {
  const stations = createStations(d.models);
  const base = createActivities(d);
  const activities = { ...base, ...createActivitySignup(d, base.byCode) };
  const meetings = createMeetings(d);
  const shifts = createShifts(d, stations);
  const shiftBoard = createShiftBoard(d, stations);
  const { checkIn } = createCheckin(d, { activities, meetings, shifts });
  const roomCodes = createRoomCodes(d, { activities, meetings });
  const board = createEventBoard(d);
  const forms = createEventForms(d, { activities, meetings, roomCodes });
  const { leave } = createLeave({ activities, meetings });
  const { sendDueReminders } = createReminderSweep(d, meetings.silentIds);
  const { upcoming, attendanceFor, periodSummary } = createEventReports(d);
  const flushPromotions = () => flushPendingPromotions(d);
  return {
    activities,
    meetings,
    shifts,
    shiftBoard,
    stations,
    checkIn,
    roomCodes,
    board,
    forms,
    leave,
    sendDueReminders,
    flushPromotions,
    upcoming,
    attendanceFor,
    periodSummary,
  };
}

export type Events = ReturnType<typeof createEvents>;
