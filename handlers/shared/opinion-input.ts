import type { Actor, ChatVia } from '../../src/commands/types';
import { refuse } from '../../src/refusals';
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
