import type { Models } from '../../models';
import { isDuplicateKey } from '../../models/duplicate-key';
import type { LinkStatus } from './keeper';

type LeaseModel = Models['ConnectionLease'];
/** Which lease document, and who this instance is. */
type Whose = { botId: string; instanceId: string };

/**
 * One guarded write decides who holds the lease: the filter is "mine, or expired"; an unexpired lease of another
 * instance makes the upsert's insert collide on _id. A new holder starts the document's link state afresh.
 */
export async function acquireLease(
  model: LeaseModel,
  o: Whose & { leaseMs: number },
  now: Date,
  held: boolean,
): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + o.leaseMs);
  const set: Record<string, unknown> = { holder: o.instanceId, expiresAt };
  if (!held) Object.assign(set, { acquiredAt: now, state: 'idle', stateSince: now, upSince: null, detail: null });
  try {
    const doc = await model
      .findOneAndUpdate(
        { _id: o.botId, $or: [{ holder: o.instanceId }, { expiresAt: { $lte: now } }] },
        { $set: set },
        { upsert: true, returnDocument: 'after' },
      )
      .lean();
    return doc?.holder === o.instanceId;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

/** Hands the lease back at shutdown (expired now), so another instance may take over at once. */
export async function releaseLease(model: LeaseModel, o: Whose, now: Date): Promise<void> {
  await model.updateOne(
    { _id: o.botId, holder: o.instanceId },
    { $set: { expiresAt: now, state: 'stopped', stateSince: now, upSince: null, detail: 'released at shutdown' } },
  );
}

/** Records the connection's state on the lease document, while this instance holds it. */
export async function reportLease(model: LeaseModel, o: Whose, status: LinkStatus): Promise<void> {
  await model.updateOne(
    { _id: o.botId, holder: o.instanceId },
    {
      $set: {
        state: status.state,
        stateSince: status.since,
        upSince: status.upSince ?? null,
        detail: status.detail ?? null,
      },
    },
  );
}
