import { refuse } from '../../refusals';
import { toHalfWidth } from '../../text/normalize';
import { yearOf } from '../../time/zone';
import { type CodePrefix, formatCode, parseCode } from '../codes';

/** Reads an activity (HD) or meeting (HY) code in any accepted form; bare numbers mean this year. */
export function readEventCode(input: string, prefix: 'HD' | 'HY', now: Date, tz: string): string {
  const code = parseCode(input, prefix, yearOf(now, tz));
  if (!code) refuse('event.codeInvalid', { kind: prefix === 'HD' ? 'activity' : 'meeting', text: input.slice(0, 20) });
  return formatCode(code);
}

/** One activity (HD) or meeting (HY) by a typed code; an unknown one is the kind's "not found" refusal. */
export async function eventByCode<D>(
  model: { findOne(filter: { code: string }): { lean(): PromiseLike<unknown> } },
  prefix: 'HD' | 'HY',
  input: string,
  now: Date,
  tz: string,
): Promise<D> {
  const code = readEventCode(input, prefix, now, tz);
  const doc = (await model.findOne({ code }).lean()) as D | null;
  if (!doc) refuse('event.notFound', { kind: prefix === 'HD' ? 'activity' : 'meeting', code });
  return doc;
}

/** Which kind a typed code names: explicit prefix wins; a bare number may be either. */
export function eventKindOf(input: string): CodePrefix | 'either' | undefined {
  const s = toHalfWidth(input).trim().toUpperCase();
  if (/^HD/.test(s)) return 'HD';
  if (/^HY/.test(s)) return 'HY';
  if (/^\d+$/.test(s)) return 'either';
  return undefined;
}
