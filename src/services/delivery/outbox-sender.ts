import type { QueryFilter } from 'mongoose';
import type { Logger } from 'pino';
import type { Clock } from '../../clock';
import type { Models } from '../../models';
import type { OutboxItemDoc } from '../../models/outbox-item';
import type { Outbox, PushRequest } from './outbox';
import { type PushSender, PushError } from './push-sender';
import { createSlidingBudget, type Slot, type SlotTaken } from './send-budget';

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

/** What a delivery channel gets of an outbox item. */
export interface ChannelItem {
  key: string;
  msgtype: string;
  /** Text, or for a picture or file its bytes in base64. */
  content: string;
  userids: string[];
  /** A file's name as the recipient sees it. */
  filename?: string | null;
  /** Never to be turned into a group message (no fallback). */
  privateOnly?: boolean | null;
}

/** A further way out for outbox items; the sender claims its items only while it is ready here. */
export interface DeliveryChannel {
  /** False when this instance cannot deliver now (e.g. it does not hold the long connection): items wait. */
  ready(): Promise<boolean>;
  /** Takes a slot of the send budget of the item's conversation; when spent, the item waits (no attempt spent). */
  take(now: Date, item: ChannelItem): Promise<SlotTaken>;
  /** Each conversation has a budget of its own: a full one holds back only its own items, not the channel's others. */
  readonly perConversation?: boolean;
  send(item: ChannelItem): Promise<void>;
  /**
   * What replaces an item given up for good (refused, or out of attempts), so its message is not lost. Its key
   * derives from the item's, so a second pass (a crash before the item is set aside) queues nothing more; the
   * item is set aside as discarded `by` this; `what` says in the log what was queued.
   */
  fallback?(item: ChannelItem): { push: PushRequest; by: string; what: string } | undefined;
}

export interface OutboxSender {
  /** Sends everything due now; returns how many went out. Calls never overlap within a process. */
  drainOnce(): Promise<{ sent: number; failed: number; deferred: number }>;
  /** Asks the background loop to drain soon (after an enqueue). */
  kick(): void;
  start(): void;
  stop(): Promise<void>;
}

type Item = OutboxItemDoc & { _id: unknown };

const RATE_LIMITED = 45009;

/**
 * Sends the outbox. Guarantees: one drain at a time per process; parts of one message in order, a
 * failed part holding back the rest; a sliding per-minute robot budget shared by all instances.
 * The webhook has no idempotency key, so a push is marked sent right after WeCom's answer; if the
 * process dies between the two, the push is sent once more after its lock expires (at most one duplicate).
 */
export function createOutboxSender(o: OutboxSenderOptions): OutboxSender {
  const lockMs = o.lockMs ?? 60_000;
  const { OutboxItem } = o.models;
  // The group robot's budget: one conversation (the group), a sliding minute.
  const webhookBudget = createSlidingBudget({ models: o.models, name: 'webhook', perMinute: o.webhookPerMinute });
  let timer: NodeJS.Timeout | undefined;
  let stopped = true;
  // Set while stop() waits, so a long drain ends after its current item instead of holding shutdown.
  let halting = false;
  // Every drain runs after the previous one: the background loop and explicit calls never overlap.
  let tail: Promise<unknown> = Promise.resolve();
  let loopBusy = false;
  let again = false;

  /** Claims the oldest due item; `reclaimed` when it was found mid-send with an expired lock. */
  async function claim(now: Date, skip: string[]): Promise<{ item: Item; reclaimed: boolean } | null> {
    const due = {
      $or: [
        { status: 'pending', nextAttemptAt: { $lte: now } },
        { status: 'sending', lockedUntil: { $lt: now } },
      ],
    };
    const filter: QueryFilter<unknown> = skip.length ? { $and: [due, { channel: { $nin: skip } }] } : due;
    const lockedUntil = new Date(now.getTime() + lockMs);
    const before = (await OutboxItem.findOneAndUpdate(
      filter,
      { $set: { status: 'sending', lockedUntil }, $inc: { attempts: 1 } },
      { sort: { createdAt: 1, _id: 1 }, returnDocument: 'before' },
    ).lean()) as Item | null;
    if (!before) return null;
    return {
      item: { ...before, status: 'sending', attempts: (before.attempts ?? 0) + 1, lockedUntil },
      reclaimed: before.status === 'sending',
    };
  }

  /** Puts a claimed item back without spending an attempt. */
  async function release(item: Item, nextAttemptAt: Date): Promise<void> {
    await OutboxItem.updateOne(
      { _id: item._id, status: 'sending' },
      { $set: { status: 'pending', nextAttemptAt }, $inc: { attempts: -1 }, $unset: { lockedUntil: 1 } },
    );
  }

  /** The first earlier part of the same message that has not gone out yet. */
  async function earlierPartPending(item: Item): Promise<Item | null> {
    if (!item.group || !item.seq) return null;
    return (await OutboxItem.findOne({ group: item.group, seq: { $lt: item.seq }, status: { $ne: 'sent' } })
      .sort({ seq: 1 })
      .lean()) as Item | null;
  }

  async function send(item: Item): Promise<void> {
    const extra = o.channels?.[item.channel];
    if (extra) {
      await extra.send(item);
    } else if (item.channel === 'webhook') {
      await o.client.sendGroup({
        msgtype: item.msgtype as 'markdown' | 'text' | 'image',
        content: item.content,
        mentions: item.userids,
      });
    } else if (item.channel === 'app' && item.msgtype === 'file') {
      await o.client.sendAppFile({
        touser: item.userids,
        filename: item.filename ?? 'file',
        bytes: Buffer.from(item.content, 'base64'),
      });
    } else if (item.channel === 'app') {
      await o.client.sendApp({
        touser: item.userids,
        msgtype: item.msgtype as 'markdown' | 'text',
        content: item.content,
      });
    } else {
      await o.client.postResponseUrl(item.url ?? '', item.content);
    }
  }

  function backoff(attempts: number): number {
    return Math.min(o.maxBackoffMs, o.baseBackoffMs * 2 ** Math.max(0, attempts - 1));
  }

  /** An item given up for good whose channel has a fallback: the fallback is queued and the item set aside. */
  async function fallBack(item: Item, e: PushError, now: Date, log: Logger): Promise<boolean> {
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

  /** Records a failed send; the budget slot is given back only when the call never reached WeCom. */
  async function recordFailure(item: Item, err: unknown, slot: Slot | undefined, log: Logger): Promise<void> {
    const e = err instanceof PushError ? err : new PushError(undefined, (err as Error).message, true);
    const now = o.clock.now();
    const rateLimited = e.errcode === RATE_LIMITED;
    let slotFate: string | undefined;
    if (slot !== undefined) {
      if (rateLimited) {
        await slot.exhaust(now);
        slotFate = 'window exhausted: WeCom counts more sends than we did';
      } else if (!e.reached) {
        await slot.release();
        slotFate = 'returned: the call never reached WeCom';
      } else {
        slotFate = 'spent: WeCom answered, so it counted the call';
      }
    }
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
  }

  async function drain() {
    let sent = 0;
    let failed = 0;
    let deferred = 0;
    let webhookFull = false;
    // Channels this instance cannot serve now, or whose budget is spent, are left for later.
    const skip: string[] = [];
    for (const [name, channel] of Object.entries(o.channels ?? {})) if (!(await channel.ready())) skip.push(name);
    for (let i = 0; i < 500 && !halting; i++) {
      const now = o.clock.now();
      const claimed = await claim(now, webhookFull ? [...skip, 'webhook'] : skip);
      if (!claimed) break;
      const { item } = claimed;
      const log = o.log.child({ outbox: item.key, channel: item.channel, attempt: item.attempts });
      if (claimed.reclaimed)
        log.warn('push was left mid-send (its sender stopped or died); sending again, so WeCom may show it twice');

      const earlier = await earlierPartPending(item);
      if (earlier?.status === 'dead') {
        await OutboxItem.updateOne(
          { _id: item._id },
          {
            $set: { status: 'dead', lastError: 'an earlier part of this message failed for good' },
            $unset: { lockedUntil: 1 },
          },
        );
        log.error({ part: item.seq }, 'push dropped: an earlier part failed for good');
        failed++;
        continue;
      }
      if (earlier) {
        // Parts never overtake each other: wait for the earlier one's retry (or the next poll).
        const waitFor =
          earlier.status === 'pending' && earlier.nextAttemptAt > now
            ? earlier.nextAttemptAt
            : new Date(now.getTime() + o.pollMs);
        await release(item, waitFor);
        deferred++;
        continue;
      }

      const extra = o.channels?.[item.channel];
      const taken = extra
        ? await extra.take(now, item)
        : item.channel === 'webhook'
          ? await webhookBudget.take('group', now)
          : undefined;
      if (taken && !taken.ok) {
        // Over the budget: wait for a slot to free up without spending an attempt.
        await release(item, taken.freeAt);
        // One full conversation holds back no one else's; a shared budget holds back the whole channel.
        if (item.channel === 'webhook') webhookFull = true;
        else if (!extra?.perConversation) skip.push(item.channel);
        deferred++;
        continue;
      }
      const slot = taken?.slot;
      const started = Date.now();
      try {
        await send(item);
      } catch (err) {
        await recordFailure(item, err, slot, log);
        failed++;
        if (err instanceof PushError && err.errcode === RATE_LIMITED && item.channel === 'webhook') webhookFull = true;
        continue;
      }
      // Marked at once: from here on a crash can no longer cause a second send.
      await OutboxItem.updateOne(
        { _id: item._id },
        { $set: { status: 'sent', sentAt: o.clock.now() }, $unset: { lockedUntil: 1, lastError: 1 } },
      );
      log.info({ latencyMs: Date.now() - started }, 'push sent');
      sent++;
    }
    return { sent, failed, deferred };
  }

  function drainOnce() {
    const run = tail.then(drain);
    tail = run.catch(() => undefined);
    return run;
  }

  function schedule(ms: number) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void tick(), ms);
    timer.unref?.();
  }

  /** The one background loop: a kick during a drain asks for another pass instead of a second loop. */
  async function tick(): Promise<void> {
    if (loopBusy) {
      again = true;
      return;
    }
    if (o.databaseAvailable && !o.databaseAvailable()) {
      schedule(o.pollMs);
      return;
    }
    loopBusy = true;
    again = false;
    try {
      await drainOnce();
    } catch (err) {
      o.log.error({ err }, 'outbox drain failed');
    } finally {
      loopBusy = false;
    }
    schedule(again ? 0 : o.pollMs);
  }

  return {
    drainOnce,
    kick() {
      if (loopBusy) again = true;
      else schedule(0);
    },
    start() {
      stopped = false;
      schedule(0);
    },
    async stop() {
      stopped = true;
      halting = true;
      clearTimeout(timer);
      await tail;
      halting = false;
    },
  };
}
