import { splitFirst } from '../../src/commands/args';
import type { CommandContext } from '../../src/commands/types';

/** The opinion code at the start of the arguments, normalised, and what follows it. */
export function takeCode(ctx: CommandContext, command: string): { code: string; rest: string } {
  const [first, rest] = splitFirst(ctx.args);
  return { code: ctx.services.opinions.resolveCode(first, ctx.now, command), rest };
}

/** Who acted, with which message, when: what every opinion state change records. */
export const actionInput = (ctx: CommandContext) => ({ actor: ctx.actor, msgId: ctx.msgId, now: ctx.now });

