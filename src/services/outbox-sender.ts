import type { QueryFilter } from 'mongoose';
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { Models } from '../models';
import type { OutboxItemDoc } from '../models/outbox-item';
import { type WecomClient, WecomApiError } from '../wecom/client';

export interface OutboxSenderOptions {
  models: Models;
  client: WecomClient;
  clock: Clock;
  log: Logger;
  webhookPerMinute: number;
  maxAttempts: number;
  baseBackoffMs: number;
  maxBackoffMs: number;
  pollMs: number;
  /** How long a claimed item stays locked before another instance may take it over (crash recovery). */
  lockMs?: number;
}

export interface OutboxSender {
  /** Sends everything due now; returns how many went out. Safe to call from several instances. */
  drainOnce(): Promise<{ sent: number; failed: number; deferred: number }>;
  /** Asks the background loop to drain soon (after an enqueue). */
  kick(): void;
  start(): void;
  stop(): Promise<void>;
}

type Item = OutboxItemDoc & { _id: unknown };

export function createOutboxSender(o: OutboxSenderOptions): OutboxSender {
  const lockMs = o.lockMs ?? 60_000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;
  // Set while stop() waits, so a long drain ends after its current item instead of holding shutdown.
  let halting = false;

  async function claim(now: Date, skipWebhook: boolean): Promise<Item | null> {
    const due = { $or: [{ status: 'pending', nextAttemptAt: { $lte: now } }, { status: 'sending', lockedUntil: { $lt: now } }] };
    const filter: QueryFilter<unknown> = skipWebhook ? { $and: [due, { channel: { $ne: 'webhook' } }] } : due;
    return (await o.models.OutboxItem.findOneAndUpdate(
      filter,
      { $set: { status: 'sending', lockedUntil: new Date(now.getTime() + lockMs) }, $inc: { attempts: 1 } },
      { sort: { createdAt: 1, seq: 1, _id: 1 }, returnDocument: 'after' },
    ).lean()) as Item | null;
  }

  /** One slot of the robot's per-minute budget, shared by all instances through a unique window id. */
  async function takeWebhookSlot(now: Date): Promise<boolean> {
    const minute = Math.floor(now.getTime() / 60_000);
    try {
      await o.models.RateWindow.findOneAndUpdate(
        { _id: `webhook:${minute}`, count: { $lt: o.webhookPerMinute } },
        { $inc: { count: 1 }, $setOnInsert: { at: new Date(minute * 60_000) } },
        { upsert: true },
      );
      return true;
    } catch (err) {
      if ((err as { code?: number }).code === 11000) return false;
      throw err;
    }
  }

  async function send(item: Item): Promise<void> {
    if (item.channel === 'webhook') {
      await o.client.sendGroup({ msgtype: item.msgtype as 'markdown' | 'text', content: item.content, mentions: item.userids });
    } else if (item.channel === 'app') {
      await o.client.sendApp({ touser: item.userids, msgtype: item.msgtype as 'markdown' | 'text', content: item.content });
    } else {
      await o.client.postResponseUrl(item.url ?? '', item.content);
    }
  }

  function backoff(attempts: number): number {
    return Math.min(o.maxBackoffMs, o.baseBackoffMs * 2 ** Math.max(0, attempts - 1));
  }

  async function drainOnce() {
    let sent = 0;
    let failed = 0;
    let deferred = 0;
    let webhookFull = false;
    for (let i = 0; i < 500 && !halting; i++) {
      const now = o.clock.now();
      const item = await claim(now, webhookFull);
      if (!item) break;
      const log = o.log.child({ outbox: item.key, channel: item.channel, attempt: item.attempts });
      if (item.channel === 'webhook' && !(await takeWebhookSlot(now))) {
        // Over the robot's budget: wait for the next minute without spending an attempt.
        const nextMinute = new Date((Math.floor(now.getTime() / 60_000) + 1) * 60_000);
        await o.models.OutboxItem.updateOne({ _id: item._id, status: 'sending' }, { $set: { status: 'pending', nextAttemptAt: nextMinute }, $inc: { attempts: -1 }, $unset: { lockedUntil: 1 } });
        webhookFull = true;
        deferred++;
        continue;
      }
      const started = Date.now();
      try {
        await send(item);
        await o.models.OutboxItem.updateOne({ _id: item._id }, { $set: { status: 'sent', sentAt: o.clock.now() }, $unset: { lockedUntil: 1, lastError: 1 } });
        log.info({ latencyMs: Date.now() - started }, 'push sent');
        sent++;
      } catch (err) {
        const e = err instanceof WecomApiError ? err : new WecomApiError(undefined, (err as Error).message, true);
        const retry = e.retryable && item.attempts < o.maxAttempts;
        const next = new Date(o.clock.now().getTime() + (e.retryAfterMs ?? backoff(item.attempts)));
        await o.models.OutboxItem.updateOne(
          { _id: item._id },
          { $set: { status: retry ? 'pending' : 'dead', nextAttemptAt: next, lastError: e.message.slice(0, 300) }, $unset: { lockedUntil: 1 } },
        );
        (retry ? log.warn.bind(log) : log.error.bind(log))({ errcode: e.errcode, err: e.message, retry }, retry ? 'push failed, will retry' : 'push failed for good');
        failed++;
        if (e.errcode === 45009) webhookFull = true;
      }
    }
    return { sent, failed, deferred };
  }

  function schedule(ms: number) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = drainOnce()
        .catch((err) => o.log.error({ err }, 'outbox drain failed'))
        .finally(() => schedule(o.pollMs));
    }, ms);
    timer.unref?.();
  }

  return {
    drainOnce,
    kick: () => schedule(0),
    start() {
      stopped = false;
      schedule(0);
    },
    async stop() {
      stopped = true;
      halting = true;
      clearTimeout(timer);
      await running;
      halting = false;
    },
  };
}
