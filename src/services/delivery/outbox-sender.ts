import type { Logger } from 'pino';
import type { Clock } from '../../clock';
import type { Models } from '../../models';
import type { DeliveryChannel } from './delivery-channel';
import { createDrainLoop } from './drain-loop';
import type { Outbox } from './outbox';
import { type ClaimedItem, createOutboxClaims } from './outbox-claims';
import { createFailureRecorder, RATE_LIMITED } from './outbox-failures';
import { sendItem } from './outbox-send';
import { PushError, type PushSender } from './push-sender';
import { createSlidingBudget, type SlotTaken } from './send-budget';

export type { ChannelItem, DeliveryChannel } from './delivery-channel';

export interface OutboxSenderOptions {
  models: Models;
  client: PushSender;
  clock: Clock;
  log: Logger;
  webhookPerMinute: number;
  maxAttempts: number;
  baseBackoffMs: number;
  maxBackoffMs: number;
  pollMs: number;
  /**
   * How long a claimed item stays locked before it counts as abandoned (its sender died mid-send)
   * and may be sent again. Longer than the HTTP timeout, so a slow but live send is never doubled.
   */
  lockMs?: number;
  /** Delivery channels beyond the built-in ones (the long connection's aibot_send_msg), by channel name. */
  channels?: Record<string, DeliveryChannel>;
  /** Where a channel's fallback for a given-up item is queued (see DeliveryChannel.fallback). */
  outbox?: Outbox;
  /** While false the background loop skips its passes quietly (database outage) instead of logging failures. */
  databaseAvailable?: () => boolean;
}

export interface OutboxSender {
  /** Sends everything due now; returns how many went out. Calls never overlap within a process. */
  drainOnce(): Promise<{ sent: number; failed: number; deferred: number }>;
  /** Asks the background loop to drain soon (after an enqueue). */
  kick(): void;
  start(): void;
  stop(): Promise<void>;
}

type Outcome = 'sent' | 'failed' | 'deferred';

/**
 * Sends the outbox. Guarantees: one drain at a time per process; parts of one message in order, a
 * failed part holding back the rest; a sliding per-minute robot budget shared by all instances.
 * The webhook has no idempotency key, so a push is marked sent right after WeCom's answer; if the
 * process dies between the two, the push is sent once more after its lock expires (at most one duplicate).
 */
export function createOutboxSender(o: OutboxSenderOptions): OutboxSender {
  const items = createOutboxClaims(o.models, o.lockMs ?? 60_000);
  const recordFailure = createFailureRecorder(o);
  // The group robot's budget: one conversation (the group), a sliding minute.
  const webhookBudget = createSlidingBudget({ models: o.models, name: 'webhook', perMinute: o.webhookPerMinute });
  const loop = createDrainLoop({
    drain,
    pollMs: o.pollMs,
    log: o.log,
    databaseAvailable: o.databaseAvailable,
  });

  /** What one drain has learnt: channels this instance cannot serve now, or whose budget is spent. */
  interface Pass {
    skip: string[];
    webhookFull: boolean;
  }

  async function drain() {
    const counts = { sent: 0, failed: 0, deferred: 0 };
    const pass: Pass = { skip: [], webhookFull: false };
    for (const [name, channel] of Object.entries(o.channels ?? {})) if (!(await channel.ready())) pass.skip.push(name);
    for (let i = 0; i < 500 && !loop.halting(); i++) {
      const now = o.clock.now();
      const claimed = await items.claim(now, pass.webhookFull ? [...pass.skip, 'webhook'] : pass.skip);
      if (!claimed) break;
      const { item } = claimed;
      const log = o.log.child({ outbox: item.key, channel: item.channel, attempt: item.attempts });
      if (claimed.reclaimed)
        log.warn('push was left mid-send (its sender stopped or died); sending again, so WeCom may show it twice');
      counts[await deliver(item, now, pass, log)]++;
    }
    return counts;
  }

  /** One claimed item: in order after its earlier parts, within its budget, then sent and marked at once. */
  async function deliver(item: ClaimedItem, now: Date, pass: Pass, log: Logger): Promise<Outcome> {
    const earlier = await items.earlierPartPending(item);
    if (earlier?.status === 'dead') {
      await items.dropAfterDeadPart(item);
      log.error({ part: item.seq }, 'push dropped: an earlier part failed for good');
      return 'failed';
    }
    if (earlier) {
      // Parts never overtake each other: wait for the earlier one's retry (or the next poll).
      const waitFor =
        earlier.status === 'pending' && earlier.nextAttemptAt > now
          ? earlier.nextAttemptAt
          : new Date(now.getTime() + o.pollMs);
      await items.release(item, waitFor);
      return 'deferred';
    }
    const extra = o.channels?.[item.channel];
    const taken = await takeSlot(extra, item, now);
    if (taken && !taken.ok) {
      // Over the budget: wait for a slot to free up without spending an attempt.
      await items.release(item, taken.freeAt);
      // One full conversation holds back no one else's; a shared budget holds back the whole channel.
      if (item.channel === 'webhook') pass.webhookFull = true;
      else if (!extra?.perConversation) pass.skip.push(item.channel);
      return 'deferred';
    }
    const started = Date.now();
    try {
      await sendItem(o.client, o.channels, item);
    } catch (err) {
      await recordFailure(item, err, taken?.slot, log);
      if (err instanceof PushError && err.errcode === RATE_LIMITED && item.channel === 'webhook')
        pass.webhookFull = true;
      return 'failed';
    }
    // Marked at once: from here on a crash can no longer cause a second send.
    await items.markSent(item, o.clock.now());
    log.info({ latencyMs: Date.now() - started }, 'push sent');
    return 'sent';
  }

  function takeSlot(extra: DeliveryChannel | undefined, item: ClaimedItem, now: Date): Promise<SlotTaken | undefined> {
    if (extra) return extra.take(now, item);
    if (item.channel === 'webhook') return webhookBudget.take('group', now);
    return Promise.resolve(undefined);
  }

  return { drainOnce: loop.drainOnce, kick: loop.kick, start: loop.start, stop: loop.stop };
}
