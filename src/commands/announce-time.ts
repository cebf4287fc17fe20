import { UserError } from '../errors';
import { formatDate } from '../time/format';
import { parseWhen } from '../time/parse-time';

/**
 * A whole field of Chinese time for an announcement (`明天上午9点`, `11月25日 14:30`), read as the chat
 * reads it: refused when not understood or without a clock time. The service then checks the instant
 * (not past, not too far ahead). The console's 定时 field takes the same words.
 */
export function readAnnouncementTime(text: string, now: Date, tz: string): Date {
  const value = text.trim();
  const parsed = parseWhen(value, { now, tz });
  const rest = parsed.ok ? value.slice(parsed.matched.length).replace(/^[\s，,。]+/, '') : value;
  if (!parsed.ok || rest) throw new UserError('announceBadTime', { input: [...value].slice(0, 16).join('') });
  if (!parsed.hasTime) throw new UserError('announceNeedTime', { when: formatDate(parsed.date, tz) });
  return parsed.date;
}
