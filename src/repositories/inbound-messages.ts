import type { Collection } from 'mongodb';
import { groupCommit, unorderedOutcomes } from '../db/group-commit';
import type { Models } from '../models';
import type { InboundMessageRow } from '../models/inbound-message';
import { perModel } from './memo';

type Model = Models['InboundMessage'];

/** What finishing a message sets on its row. */
export type InboundDone = Pick<InboundMessageRow, 'status' | 'finishedAt'> &
  Partial<Pick<InboundMessageRow, 'reply' | 'replyKind' | 'replyCard'>>;

/**
 * The inbox's rows (inbound_messages). Claiming and finishing happen for every writing message: they go to the
 * driver directly, with the fields already in their stored types (the schema's, `InboundMessageRow`), sparing
 * mongoose's document and casting work (about 0.15 ms of CPU a message), and concurrent messages share one
 * command for each (group commit).
 */
function createInboundMessages(model: Model) {
  const rows = model.collection as unknown as Collection<InboundMessageRow>;
  const insertRow = groupCommit(
    (batch: InboundMessageRow[]) => unorderedOutcomes(batch.length, () => rows.insertMany(batch, { ordered: false })),
    { maxItems: 200 },
  );
  const finishRow = groupCommit(
    (batch: Array<{ id: string; done: InboundDone }>) =>
      unorderedOutcomes(batch.length, () =>
        rows.bulkWrite(
          batch.map((f) => ({ updateOne: { filter: { _id: f.id }, update: { $set: f.done } } })),
          { ordered: false },
        ),
      ),
    { maxItems: 200 },
  );

  return {
    /** Claims a message id with a unique insert; rejects with a duplicate key when it was claimed before. */
    claim: (row: InboundMessageRow): Promise<void> => insertRow(row),
    /** Stores the outcome of a claimed message. */
    finish: (id: string, done: InboundDone): Promise<void> => finishRow({ id, done }),
    find: (id: string) => model.findById(id).lean<InboundMessageRow>(),
    findByStream: (streamId: string) => model.findOne({ streamId }).lean<InboundMessageRow>(),
    /** Takes over a claim whose first delivery died, exactly once: true for the one caller that got it. */
    async takeOver(id: string, startedAt: Date, now: Date): Promise<boolean> {
      const took = await model.findOneAndUpdate(
        { _id: id, status: 'processing', startedAt },
        { $set: { startedAt: now } },
      );
      return took !== null;
    },
    /** Frees an unfinished claim, so a retry runs the message again. */
    async release(id: string): Promise<void> {
      await model.deleteOne({ _id: id, status: 'processing' });
    },
  };
}

export type InboundMessages = ReturnType<typeof createInboundMessages>;

export const inboundMessages = perModel(createInboundMessages);
