import { UserError } from '../../errors';
import { toHalfWidth } from '../../text/normalize';
import { yearOf } from '../../time/zone';
import { type CodePrefix, formatCode, parseCode } from '../codes';

/** Reads an activity (HD) or meeting (HY) code in any accepted form; bare numbers mean this year. */
export function readEventCode(input: string, prefix: 'HD' | 'HY', now: Date, tz: string): string {
  const code = parseCode(input, prefix, yearOf(now, tz));
  if (!code)
    throw new UserError(prefix === 'HD' ? 'activityCodeInvalid' : 'meetingCodeInvalid', { text: input.slice(0, 20) });
  return formatCode(code);
}

/** Which kind a typed code names: explicit prefix wins; a bare number may be either. */
export function eventKindOf(input: string): CodePrefix | 'either' | undefined {
  const s = toHalfWidth(input).trim().toUpperCase();
  if (/^HD/.test(s)) return 'HD';
  if (/^HY/.test(s)) return 'HY';
  if (/^\d+$/.test(s)) return 'either';
  return undefined;
}
