import { UserError } from '../../src/errors';
import type { EventTimeInput, SignupDeadlineChoice } from '../../src/services/events';
import { normalizeCommandText } from '../../src/text/normalize';
import { formatDateTime } from '../../src/time/format';
import { parseDeadlineWords } from '../../src/time/parse-deadline';
import { parseWhen } from '../../src/time/parse-time';
import { startOfDay } from '../../src/time/zone';

// The chat door's reading of 时间：/ 截止：for activities and meetings; the events services take the result.

const RANGE_SEPARATOR = /^\s*(?:-|—|–|~|～|至|到)\s*/;

/**
 * The `时间：` value of an activity or meeting: a start, optionally `-17:00` / `至下午5点` for the end.
 * Refuses missing clock times, impossible dates and the past, each with an example.
 */
export function parseEventTime(value: string | undefined, now: Date, tz: string): EventTimeInput & { endAt?: Date } {
  if (!value) throw new UserError('eventTimeMissing');
  const start = parseWhen(value, { now, tz });
  if (!start.ok)
    throw new UserError(start.reason === 'invalid_date' ? 'eventTimeInvalid' : 'eventTimeUnrecognized', {
      text: value,
    });
  if (!start.hasTime) throw new UserError('eventTimeNoClock', { text: value });
  if (start.date.getTime() <= now.getTime())
    throw new UserError('eventTimePast', { when: formatDateTime(start.date, tz) });
  const rest = normalizeCommandText(value.slice(value.indexOf(start.matched) + start.matched.length));
  if (!rest) return { startAt: start.date };
  const sep = RANGE_SEPARATOR.exec(rest);
  // A bare clock time after the separator means the same day as the start.
  const end = sep ? parseWhen(rest.slice(sep[0].length), { now: startOfDay(start.date, tz), tz }) : undefined;
  if (!end || !end.ok || !end.hasTime) throw new UserError('eventTimeUnrecognized', { text: value });
  if (end.date.getTime() <= start.date.getTime())
    throw new UserError('eventEndBeforeStart', { start: formatDateTime(start.date, tz) });
  return { startAt: start.date, endAt: end.date };
}

/** `截止：` for sign-ups: a date (end of that day), a time, or working days; refused when past or not understood. */
export function readSignupDeadline(value: string, now: Date, tz: string): SignupDeadlineChoice {
  const parsed = parseDeadlineWords(value, { now, tz });
  if (parsed.ok) return parsed.deadline;
  if (parsed.reason === 'past') throw new UserError('eventDeadlinePast', { text: value });
  throw new UserError(parsed.reason === 'invalid_date' ? 'eventTimeInvalid' : 'eventDeadlineUnrecognized', {
    text: value,
  });
}

/** The optional 时间：of a change: read only when given. */
export const eventTimeIfGiven = (value: string | undefined, now: Date, tz: string) =>
  value ? parseEventTime(value, now, tz) : undefined;
