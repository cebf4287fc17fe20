import type { Actor, ChatVia } from '../../src/commands/types';
import { RESOLUTIONS, type Resolution } from '../../src/contracts/labels';
import { refuse } from '../../src/refusals';
import { toHalfWidth } from '../../src/text/normalize';
import type { DeadlineChoice } from '../../src/services/opinions';
import { parseDeadlineWords } from '../../src/time/parse-deadline';

/** Who acted, with which message, through which door, when: what every opinion state change records. */
export const actionInput = (ctx: { actor: Actor; msgId: string; via: ChatVia; now: Date }) => ({
  actor: ctx.actor,
  msgId: ctx.msgId,
  via: ctx.via,
  now: ctx.now,
});

/** 期限：… as typed → the deadline the service takes (nothing typed: the configured default). */
export function deadlineFromWords(
  text: string | undefined,
  ctx: { now: Date; config: { timezone: string } },
): DeadlineChoice {
  const input = text?.trim() ?? '';
  if (!input) return 'default';
  const r = parseDeadlineWords(input, { now: ctx.now, tz: ctx.config.timezone });
  if (r.ok) return r.deadline;
  // A date already gone is refused here with the words typed; the service refuses a typed date the same way.
  if (r.reason === 'past') return refuse('opinion.pastDeadline', { input, deadline: r.date, now: ctx.now });
  return refuse('opinion.badDeadline', { input: input.slice(0, 30) });
}

// `A`, `a`, `Ａ`, `A类`, `A：` … then the answer's text; a lone other letter is a mistyped class.
const CLASS_WORD = /^([A-Za-z])类?(?=$|[\s,，:：、.。;；])[\s,，:：、.。;；]*/;

/**
 * `答复 <编号> [A|B|C|D] <内容>` as typed → the class and the text. The class is asked for when missing:
 * a silent default would make up the 解决率.
 */
export function answerFromWords(code: string, typed: string): { resolution: Resolution; text: string } {
  const rest = typed.trim();
  // toHalfWidth keeps lengths, so the match's length cuts the text as typed.
  const m = CLASS_WORD.exec(toHalfWidth(rest));
  if (!m) return refuse('opinion.resolutionMissing', { code });
  const letter = m[1]!.toUpperCase();
  if (!(RESOLUTIONS as readonly string[]).includes(letter))
    return refuse('opinion.badResolution', { code, input: m[1]! });
  return { resolution: letter as Resolution, text: rest.slice(m[0].length).trim() };
}

const SHARE = ['提供', '转交', '给', '是', '可以', '同意'];
const KEEP = ['不提供', '不转交', '不给', '否', '不', '不同意', '隐藏'];

/** 联系方式：提供 / 不提供 → whether the unit's contacts may read the constituent's numbers (absent: unchanged). */
export function shareFromWords(text: string | undefined): boolean | undefined {
  const word = text?.trim();
  if (!word) return undefined;
  if (KEEP.includes(word)) return false;
  if (SHARE.includes(word)) return true;
  return refuse('opinion.badShareWord', { input: word.slice(0, 20) });
}
