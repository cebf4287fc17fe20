import type { Collection, ObjectId } from 'mongodb';
import { groupCommit, unorderedOutcomes } from '../db/group-commit';
import type { Models } from '../models';
import type { OpinionDoc, TimelineEntry } from '../models/opinion';
import { perModel } from './memo';

type Model = Models['Opinion'];

/** A new opinion's row, as stored: every required field and the defaults mongoose would have filled in. */
export type NewOpinion = Omit<OpinionDoc, '_id' | 'timeline' | 'rounds' | 'photos' | 'origins'> & {
  _id: ObjectId;
  timeline: TimelineEntry[];
  rounds: [];
};

/**
 * New opinions' inserts (opinions). Filings from concurrent requests share one insert (group commit), sent
 * through the driver: the row comes built in its stored types (`NewOpinion`, held to the schema by
 * test/db/group-commit.spec.ts), sparing mongoose's document, casting and validation. Every other opinion write
 * is a guarded mongoose update in the opinions service.
 */
function createOpinionRows(model: Model) {
  const rows = model.collection as unknown as Collection<NewOpinion>;
  const insertRows = groupCommit(
    (batch: NewOpinion[]) => unorderedOutcomes(batch.length, () => rows.insertMany(batch, { ordered: false })),
    { maxItems: 200 },
  );
  return {
    /** Inserts a new opinion; rejects with a duplicate key when its code or origin is taken. */
    insert: (row: NewOpinion): Promise<void> => insertRows(row),
  };
}

export type OpinionRows = ReturnType<typeof createOpinionRows>;

export const opinionRows = perModel(createOpinionRows);
