import { UserError } from '../errors';
import { formatCode, parseCode } from '../services/codes';
import { wallTime } from '../time/zone';

/**
 * The chat's reading of an opinion code: `YJ2026-007`, `yj2026-7`, `7` (this year), full-width forms →
 * `YJ2026-007`; anything else is answered with the command's own example.
 */
export function readOpinionCode(input: string, now: Date, tz: string, command: string): string {
  const year = wallTime(now, tz).year;
  const example = `YJ${year}-001`;
  if (!input.trim()) throw new UserError('opinionCodeMissing', { command, example });
  const code = parseCode(input, 'YJ', year);
  if (!code) throw new UserError('opinionBadCode', { input: input.slice(0, 20), command, example });
  return formatCode(code);
}

/** The chat's reading of a study item code (`xx2026-1` → `XX2026-001`); anything else is answered with an example. */
export function readStudyCode(input: string, now: Date, tz: string): string {
  const code = parseCode(input, 'XX', wallTime(now, tz).year);
  if (!code) throw new UserError('studyBadCode', { input });
  return formatCode(code);
}

/** The chat's reading of a ballot code (`pj2026-1` → `PJ2026-001`, `1` → this year's); anything else is answered. */
export function readBallotCode(input: string, now: Date, tz: string): string {
  const code = parseCode(input, 'PJ', wallTime(now, tz).year);
  if (!code) throw new UserError('ballotBadCode', { input: [...input].slice(0, 20).join('') });
  return formatCode(code);
}

/** The chat's reading of an announcement code (`gg2026-1` → `GG2026-001`); anything else is answered with an example. */
export function readAnnouncementCode(input: string, now: Date, tz: string): string {
  const code = parseCode(input, 'GG', wallTime(now, tz).year);
  if (!code) throw new UserError('announceBadCode', { input });
  return formatCode(code);
}

/** The chat's reading of a 民生实事 project code (`ss2026-1` → `SS2026-001`); anything else is answered with an example. */
export function readProjectCode(input: string, now: Date, tz: string): string {
  const code = parseCode(input, 'SS', wallTime(now, tz).year);
  if (!code) throw new UserError('projectBadCode', { input: [...input].slice(0, 20).join('') });
  return formatCode(code);
}
