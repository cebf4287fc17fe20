import type { Logger } from 'pino';
import type { Clock } from '../../clock';
import type { Models } from '../../models';
import type { Outbox } from './outbox';
import type { ClaimedItem } from './outbox-claims';
import type { DeliveryChannel } from './delivery-channel';
import { PushError } from './push-sender';
import type { Slot } from './send-budget';

export const RATE_LIMITED = 45009;

/** What happens after a failed send: the budget slot's fate, a retry with backoff, or giving up (with a fallback). */
export function createFailureRecorder(o: {
  models: Models;
  clock: Clock;
  maxAttempts: number;
  baseBackoffMs: number;
  maxBackoffMs: number;
  channels?: Record<string, DeliveryChannel>;
  outbox?: Outbox;
}) {
  const { OutboxItem } = o.models;

  function backoff(attempts: number): number {
    return Math.min(o.maxBackoffMs, o.baseBackoffMs * 2 ** Math.max(0, attempts - 1));
  }

  /** An item given up for good whose channel has a fallback: the fallback is queued and the item set aside. */
  async function fallBack(item: ClaimedItem, e: PushError, now: Date, log: Logger): Promise<boolean> {
    const instead = o.outbox ? o.channels?.[item.channel]?.fallback?.(item) : undefined;
    if (!instead || !o.outbox) return false;
    await o.outbox.enqueue(instead.push);
    await OutboxItem.updateOne(
      { _id: item._id, status: 'sending' },
      {
        $set: { status: 'dead', lastError: e.message.slice(0, 300), discardedAt: now, discardedBy: instead.by },
        $unset: { lockedUntil: 1 },
      },
    );
    log.warn(
      { errcode: e.errcode, err: e.message, channel: item.channel, instead: instead.what },
      'push given up; its fallback was queued instead',
    );
    return true;
  }

  /** The slot is given back only when the call never reached WeCom; a 45009 marks the window exhausted. */
  async function settleSlot(slot: Slot | undefined, e: PushError, now: Date): Promise<string | undefined> {
    if (slot === undefined) return undefined;
    if (e.errcode === RATE_LIMITED) {
      await slot.exhaust(now);
      return 'window exhausted: WeCom counts more sends than we did';
    }
    if (!e.reached) {
      await slot.release();
      return 'returned: the call never reached WeCom';
    }
    return 'spent: WeCom answered, so it counted the call';
  }

  /** Records a failed send. */
  return async function recordFailure(
    item: ClaimedItem,
    err: unknown,
    slot: Slot | undefined,
    log: Logger,
  ): Promise<void> {
    const e = err instanceof PushError ? err : new PushError(undefined, (err as Error).message, true);
    const now = o.clock.now();
    const rateLimited = e.errcode === RATE_LIMITED;
    const slotFate = await settleSlot(slot, e, now);
    // Being rate limited is not the push's fault: it costs no attempt.
    const retry = rateLimited || (e.retryable && item.attempts < o.maxAttempts);
    if (!retry && (await fallBack(item, e, now, log))) return;
    const next = new Date(now.getTime() + (e.retryAfterMs ?? backoff(item.attempts)));
    await OutboxItem.updateOne(
      { _id: item._id },
      {
        $set: { status: retry ? 'pending' : 'dead', nextAttemptAt: next, lastError: e.message.slice(0, 300) },
        $unset: { lockedUntil: 1 },
        ...(rateLimited ? { $inc: { attempts: -1 } } : {}),
      },
    );
    (retry ? log.warn.bind(log) : log.error.bind(log))(
      { errcode: e.errcode, err: e.message, retry, budget: slotFate },
      retry ? 'push failed, will retry' : 'push failed for good',
    );
  };
}
