import { UserError } from '../../src/errors';
import { splitList } from '../../src/text/list';
import { parseWhen } from '../../src/time/parse-time';
import { startOfDay } from '../../src/time/zone';

/** `12月5日 [9:00] 张三 李四` → the day, the start if a time was given, and the names (each once). */
export function readShiftWords(text: string, now: Date, tz: string): { day: Date; startAt?: Date; names: string[] } {
  const when = parseWhen(text, { now, tz });
  if (!when.ok && when.reason === 'invalid_date')
    throw new UserError('shiftDateInvalid', { text: (text.trim().split(/\s+/)[0] ?? '').slice(0, 20) });
  if (!when.ok) throw new UserError('shiftUsage');
  const rest = text.slice(text.indexOf(when.matched) + when.matched.length);
  return {
    day: startOfDay(when.date, tz),
    startAt: when.hasTime ? when.date : undefined,
    names: [...new Set(splitList(rest))],
  };
}
