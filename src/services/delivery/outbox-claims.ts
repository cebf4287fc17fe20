import type { QueryFilter } from 'mongoose';
import type { Models } from '../../models';
import type { OutboxItemDoc } from '../../models/outbox-item';

export type ClaimedItem = OutboxItemDoc & { _id: unknown };

/** The sender's moves on outbox items, each one guarded update: claim (lock), put back, mark sent, drop. */
export function createOutboxClaims(models: Models, lockMs: number) {
  const { OutboxItem } = models;
  return {
    /** Claims the oldest due item; `reclaimed` when it was found mid-send with an expired lock. */
    async claim(now: Date, skip: string[]): Promise<{ item: ClaimedItem; reclaimed: boolean } | null> {
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
      ).lean()) as ClaimedItem | null;
      if (!before) return null;
      return {
        item: { ...before, status: 'sending', attempts: (before.attempts ?? 0) + 1, lockedUntil },
        reclaimed: before.status === 'sending',
      };
    },

    /** Puts a claimed item back without spending an attempt. */
    async release(item: ClaimedItem, nextAttemptAt: Date): Promise<void> {
      await OutboxItem.updateOne(
        { _id: item._id, status: 'sending' },
        { $set: { status: 'pending', nextAttemptAt }, $inc: { attempts: -1 }, $unset: { lockedUntil: 1 } },
      );
    },

    /** The first earlier part of the same message that has not gone out yet. */
    async earlierPartPending(item: ClaimedItem): Promise<ClaimedItem | null> {
      if (!item.group || !item.seq) return null;
      return (await OutboxItem.findOne({ group: item.group, seq: { $lt: item.seq }, status: { $ne: 'sent' } })
        .sort({ seq: 1 })
        .lean()) as ClaimedItem | null;
    },

    /** A part whose earlier part failed for good can never go in order: it is given up too. */
    async dropAfterDeadPart(item: ClaimedItem): Promise<void> {
      await OutboxItem.updateOne(
        { _id: item._id },
        {
          $set: { status: 'dead', lastError: 'an earlier part of this message failed for good' },
          $unset: { lockedUntil: 1 },
        },
      );
    },

    async markSent(item: ClaimedItem, at: Date): Promise<void> {
      await OutboxItem.updateOne(
        { _id: item._id },
        { $set: { status: 'sent', sentAt: at }, $unset: { lockedUntil: 1, lastError: 1 } },
      );
    },
  };
}
