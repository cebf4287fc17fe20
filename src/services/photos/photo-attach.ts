import { refuse } from '../../refusals';
import type { Models } from '../../models';
import { recordWrite } from '../../models/audit-entry';
import { OPEN_STATUSES } from '../opinions';

export type Drop = { _id: string; photo: string };
export type OpinionPhotos = { code: string; filer: string; status: string; photos?: Array<{ id: string }> | null };
export type Attached = { added: number; left: number; total: number };

/**
 * Waiting pictures onto an opinion. `allUsed` is told when every waiting picture of the sender found its place.
 */
export function createPhotoAttach(models: Models, maxPerOpinion: number, allUsed: (owner: string) => void) {
  const { Opinion, PhotoDrop } = models;

  /** One guarded update: the filer's own, still-open opinion, with room for the new ones; never twice the same photo. */
  async function attach(owner: string, known: OpinionPhotos, drops: Drop[], now: Date): Promise<Attached> {
    let current = known;
    for (let attempt = 0; attempt < 3; attempt++) {
      if (current.filer !== owner) refuse('photo.notOwn', { code: current.code });
      if (!OPEN_STATUSES.includes(current.status as never))
        refuse('photo.closed', { code: current.code, status: current.status });
      const have = new Set((current.photos ?? []).map((p) => p.id));
      const fresh = [...new Set(drops.map((x) => x.photo))].filter((id) => !have.has(id));
      const room = maxPerOpinion - have.size;
      if (fresh.length > 0 && room <= 0) refuse('photo.full', { code: current.code, max: maxPerOpinion });
      const taken = fresh.slice(0, Math.max(0, room));
      if (taken.length > 0) {
        const updated = await Opinion.findOneAndUpdate(
          {
            code: current.code,
            filer: owner,
            status: { $in: OPEN_STATUSES },
            [`photos.${maxPerOpinion - taken.length}`]: { $exists: false },
            'photos.id': { $nin: taken },
          },
          { $push: { photos: { $each: taken.map((id) => ({ id, at: now, by: owner })) } } },
          { returnDocument: 'after', projection: { code: 1, filer: 1, status: 1, photos: 1 } },
        ).lean<OpinionPhotos>();
        if (!updated) {
          // Changed meanwhile (closed, or photos added by another message): look again and say why.
          const again = await Opinion.findOne(
            { code: current.code },
            { code: 1, filer: 1, status: 1, photos: 1 },
          ).lean<OpinionPhotos>();
          if (!again) refuse('opinion.notFound', { code: current.code });
          current = again;
          continue;
        }
        await recordWrite({ kind: 'Opinion', code: updated.code, op: 'update' });
        current = updated;
      }
      const takenSet = new Set([...taken, ...have]);
      const used = drops.filter((x) => takenSet.has(x.photo)).map((x) => x._id);
      if (used.length)
        await PhotoDrop.updateMany(
          { _id: { $in: used }, status: 'waiting' },
          { $set: { status: 'attached', code: current.code } },
        );
      if (used.length === drops.length) allUsed(owner);
      return { added: taken.length, left: fresh.length - taken.length, total: (current.photos ?? []).length };
    }
    return refuse('photo.failed', {});
  }

  return attach;
}
