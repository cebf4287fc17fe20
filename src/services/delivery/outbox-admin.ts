import { isValidObjectId } from 'mongoose';
import type { Models } from '../../models';
import { t } from '../../messages';

export type OutboxListStatus = 'queued' | 'failed' | 'sent';

export interface OutboxRow {
  id: string;
  key: string;
  channel: string;
  status: 'pending' | 'sending' | 'sent' | 'dead';
  discarded: boolean;
  attempts: number;
  lastError?: string;
  createdAt: Date;
  nextAttemptAt?: Date;
  sentAt?: Date;
  /** The first line of the message (enough to recognise it). */
  preview: string;
}

/** What a retry or discard did: done, or why not (the state the item is in now). */
export type OutboxChange = { ok: true } | { ok: false; reason: 'not_found' | 'not_failed' | 'not_waiting' };

const FILTER: Record<OutboxListStatus, Record<string, unknown>> = {
  queued: { status: { $in: ['pending', 'sending'] } },
  failed: { status: 'dead', discardedAt: { $exists: false } },
  sent: { status: 'sent' },
};

/** A text's first line; a picture or file by its kind and name (its content is base64 bytes). */
function previewOf(d: { msgtype: string; content: string; filename?: string | null }): string {
  if (d.msgtype === 'image' || d.msgtype === 'file')
    return t('outboxPreviewMedia', { image: d.msgtype === 'image', filename: d.filename ?? undefined });
  return (
    d.content
      .split('\n')
      .find((l) => l.trim())
      ?.slice(0, 80) ?? ''
  );
}

/**
 * The office's hands on the outbox: look at queued and failed pushes, send a failed one again, or discard one
 * that should not go out. Each change is one guarded update on the item's current state, so a retry never
 * duplicates a sent message and a discard never races the sender's claim.
 */
export function createOutboxAdmin(models: Models) {
  const { OutboxItem } = models;

  async function list(status: OutboxListStatus, page: number, pageSize: number) {
    const filter = FILTER[status];
    const [total, docs] = await Promise.all([
      OutboxItem.countDocuments(filter),
      OutboxItem.find(filter)
        .sort({ createdAt: -1, _id: -1 })
        .skip((page - 1) * pageSize)
        .limit(pageSize)
        .lean(),
    ]);
    const items: OutboxRow[] = docs.map((d) => ({
      id: String(d._id),
      key: d.key,
      channel: d.channel,
      status: d.status as OutboxRow['status'],
      discarded: Boolean((d as { discardedAt?: Date }).discardedAt),
      attempts: d.attempts ?? 0,
      lastError: d.lastError ?? undefined,
      createdAt: d.createdAt,
      nextAttemptAt: d.nextAttemptAt ?? undefined,
      sentAt: d.sentAt ?? undefined,
      preview: previewOf(d),
    }));
    return { total, items };
  }

  async function missingOr(id: string, reason: 'not_failed' | 'not_waiting'): Promise<OutboxChange> {
    const exists = await OutboxItem.exists({ _id: id });
    return { ok: false, reason: exists ? reason : 'not_found' };
  }

  return {
    list,
    /** A failed push back to the queue, as new: only from 'dead' (never sent, not discarded). */
    async retry(id: string, now: Date): Promise<OutboxChange> {
      if (!isValidObjectId(id)) return { ok: false, reason: 'not_found' };
      const r = await OutboxItem.updateOne(
        { _id: id, status: 'dead', discardedAt: { $exists: false } },
        { $set: { status: 'pending', attempts: 0, nextAttemptAt: now }, $unset: { lockedUntil: 1, lastError: 1 } },
      );
      return r.modifiedCount === 1 ? { ok: true } : missingOr(id, 'not_failed');
    },
    /** Gives up on a failed or still waiting push (not one being sent or sent): it stays, marked, until clean-up. */
    async discard(id: string, now: Date, by: string): Promise<OutboxChange> {
      if (!isValidObjectId(id)) return { ok: false, reason: 'not_found' };
      const r = await OutboxItem.updateOne(
        { _id: id, status: { $in: ['pending', 'dead'] }, discardedAt: { $exists: false } },
        { $set: { status: 'dead', discardedAt: now, discardedBy: by }, $unset: { lockedUntil: 1 } },
      );
      return r.modifiedCount === 1 ? { ok: true } : missingOr(id, 'not_waiting');
    },
  };
}

export type OutboxAdmin = ReturnType<typeof createOutboxAdmin>;
