import type { Actor, ChatVia } from '../../src/commands/types';

/** Who acted, with which message, through which door, when: what every opinion state change records. */
export const actionInput = (ctx: { actor: Actor; msgId: string; via: ChatVia; now: Date }) => ({
  actor: ctx.actor,
  msgId: ctx.msgId,
  via: ctx.via,
  now: ctx.now,
});
