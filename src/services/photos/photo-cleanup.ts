import type { Models } from '../../models';
import type { PhotoFiles } from './photo-files';

/** Drops pictures nobody attached before `cutoff`, and stored photos nothing refers to and nobody sent since. */
export async function purgeUnclaimed(models: Models, files: PhotoFiles, cutoff: Date): Promise<Record<string, number>> {
  const { Opinion, Photo, PhotoDrop } = models;
  const waiting = await PhotoDrop.deleteMany({ status: 'waiting', receivedAt: { $lt: cutoff } });
  // Attached drops are history only: the opinion holds the reference.
  await PhotoDrop.deleteMany({ status: 'attached', receivedAt: { $lt: cutoff } });
  const old = await Photo.find({ lastSeenAt: { $lt: cutoff } }, { _id: 1, fileId: 1, thumbId: 1 })
    .limit(1000)
    .lean<Array<{ _id: string; fileId: unknown; thumbId: unknown }>>();
  let photos = 0;
  for (const p of old) {
    if (await Opinion.exists({ 'photos.id': p._id })) continue;
    if (await PhotoDrop.exists({ photo: p._id })) continue;
    // Guarded: a photo sent again since the read above is kept.
    const gone = await Photo.deleteOne({ _id: p._id, lastSeenAt: { $lt: cutoff } });
    if (!gone.deletedCount) continue;
    await files.removeFiles([p.fileId, p.thumbId]);
    photos += 1;
  }
  return {
    unclaimedPhotos: waiting.deletedCount ?? 0,
    photoFiles: photos,
    strayFiles: await files.sweepStray(cutoff),
  };
}
