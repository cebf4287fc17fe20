import { formatCode, parseCode } from '../services/codes';
import { wallTime } from '../time/zone';
import { notFound } from './errors';

/** A code in a console path, normalised as the chat reads one (`yj2026-7` → `YJ2026-007`); not a code → 404. */
export function opinionCodeOf(raw: unknown, now: Date, tz: string): string {
  const code = parseCode(String(raw ?? ''), 'YJ', wallTime(now, tz).year);
  if (!code) throw notFound();
  return formatCode(code);
}
