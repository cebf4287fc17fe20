import type { Models } from '../../models';
import type { Drop } from './photo-attach';

/**
 * Pictures waiting for their sender, and who sent pictures lately: 建议 without pictures then costs no database
 * round trip. Pictures received by another instance are learned every few seconds in the background (learn).
 */
export function createWaitingPhotos(models: Models, limits: { waitMs: number; maxPerOpinion: number }) {
  const { PhotoDrop } = models;
  const recent = new Map<string, number>();

  return {
    /** The owner has pictures waiting until `now` plus the wait. */
    note(owner: string, now: Date): void {
      recent.set(owner, now.getTime() + limits.waitMs);
    },
    forget(owner: string): void {
      recent.delete(owner);
    },
    mayHave(owner: string, now: Date): boolean {
      const until = recent.get(owner);
      if (until === undefined) return false;
      if (until < now.getTime()) {
        recent.delete(owner);
        return false;
      }
      return true;
    },
    /** The owner's waiting pictures, oldest first. */
    drops(owner: string, now: Date): Promise<Drop[]> {
      return PhotoDrop.find(
        { owner, status: 'waiting', receivedAt: { $gte: new Date(now.getTime() - limits.waitMs) } },
        { _id: 1, photo: 1 },
      )
        .sort({ receivedAt: 1, _id: 1 })
        .limit(limits.maxPerOpinion * 4)
        .lean<Drop[]>();
    },
    /** Learns who has pictures waiting, whichever instance received them: one indexed read. */
    async learn(now: Date): Promise<number> {
      const since = new Date(now.getTime() - limits.waitMs);
      const rows = await PhotoDrop.aggregate<{ _id: string; last: Date }>([
        { $match: { status: 'waiting', receivedAt: { $gte: since } } },
        { $group: { _id: '$owner', last: { $max: '$receivedAt' } } },
      ]);
      for (const r of rows) {
        const until = new Date(r.last).getTime() + limits.waitMs;
        if ((recent.get(r._id) ?? 0) < until) recent.set(r._id, until);
      }
      return rows.length;
    },
  };
}
