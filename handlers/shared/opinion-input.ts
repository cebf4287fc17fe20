import type { Actor } from '../../src/commands/types';

/** Who acted, with which message, when: what every opinion state change records. */
export const actionInput = (ctx: { actor: Actor; msgId: string; now: Date }) => ({
  actor: ctx.actor,
  msgId: ctx.msgId,
  now: ctx.now,
});
