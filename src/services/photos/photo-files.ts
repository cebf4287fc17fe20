import type { Readable } from 'node:stream';
import type { mongo } from 'mongoose';
import type { Logger } from 'pino';
import type { Models } from '../../models';
import { isDuplicateKey } from '../../models/duplicate-key';
import { photoBucket } from '../../models/photo';
import { type Inspected, withoutMetadata } from './inspect';

type FileId = mongo.ObjectId;
export type Fetched = { sha: string; bytes: Buffer; info: Inspected };

/** The photos' bytes in GridFS: each photo once (by sha256) with its thumbnail, read back, and swept. */
export function createPhotoFiles(models: Models, log: Logger) {
  const { Photo } = models;
  const bucket = () => photoBucket(Photo.db);

  function upload(bytes: Buffer, name: string, sha: string, contentType: string): Promise<FileId> {
    return new Promise((resolve, reject) => {
      const stream = bucket().openUploadStream(name, { metadata: { sha256: sha, contentType } });
      stream.once('error', reject);
      stream.once('finish', () => resolve(stream.id as FileId));
      stream.end(bytes);
    });
  }

  async function removeFiles(ids: unknown[]): Promise<void> {
    for (const id of ids) {
      await bucket()
        .delete(id as never)
        .catch((err: unknown) => log.warn({ err }, 'photo file not deleted'));
    }
  }

  /** Stores the bytes once per sha256: a second sender (or a race) reuses the first copy. */
  async function store(f: Fetched, now: Date): Promise<void> {
    const seen = await Photo.updateOne({ _id: f.sha }, { $set: { lastSeenAt: now } });
    if (seen.matchedCount > 0) return;
    const fileId = await upload(f.bytes, `${f.sha}.${f.info.mime === 'image/png' ? 'png' : 'jpg'}`, f.sha, f.info.mime);
    const thumbId = await upload(f.info.thumb, `${f.sha}.thumb.jpg`, f.sha, 'image/jpeg');
    try {
      await Photo.create({
        _id: f.sha,
        fileId,
        thumbId,
        mime: f.info.mime,
        bytes: f.bytes.length,
        width: f.info.width,
        height: f.info.height,
        gps: f.info.gps,
        createdAt: now,
        lastSeenAt: now,
      });
    } catch (err) {
      // The same photo stored at the same moment by another message: keep theirs, drop this copy.
      if (!isDuplicateKey(err)) throw err;
      await removeFiles([fileId, thumbId]);
      await Photo.updateOne({ _id: f.sha }, { $set: { lastSeenAt: now } });
    }
  }

  /**
   * GridFS files no photo points at: left by a crash between the upload and the photo's record. Looked for
   * among the last week's uploads older than the cutoff (the job runs daily), so old files are not rescanned.
   */
  async function sweepStray(cutoff: Date): Promise<number> {
    const since = new Date(cutoff.getTime() - 7 * 24 * 3600_000);
    const files = await bucket()
      .find({ uploadDate: { $gte: since, $lt: cutoff } }, { projection: { _id: 1, metadata: 1 } })
      .toArray();
    if (!files.length) return 0;
    const shas = [...new Set(files.map((f) => String((f.metadata as { sha256?: unknown } | undefined)?.sha256 ?? '')))];
    const owners = await Photo.find({ _id: { $in: shas } }, { fileId: 1, thumbId: 1 }).lean<
      Array<{ fileId: FileId; thumbId: FileId }>
    >();
    const kept = new Set(owners.flatMap((p) => [String(p.fileId), String(p.thumbId)]));
    const stray = files.filter((f) => !kept.has(String(f._id))).map((f) => f._id);
    await removeFiles(stray);
    return stray.length;
  }

  return {
    store,
    removeFiles,
    sweepStray,
    /**
     * A photo's bytes: the thumbnail, or the full picture (as sent for the office; re-encoded without
     * EXIF for anyone else). Undefined when there is no such photo.
     */
    async open(
      id: string,
      size: 'thumb' | 'full',
      office: boolean,
    ): Promise<{ body: Buffer | Readable; mime: string } | undefined> {
      const doc = await Photo.findById(id, { fileId: 1, thumbId: 1, mime: 1 }).lean<{
        fileId: unknown;
        thumbId: unknown;
        mime: 'image/jpeg' | 'image/png';
      }>();
      if (!doc) return undefined;
      if (size === 'thumb') return { body: bucket().openDownloadStream(doc.thumbId as never), mime: 'image/jpeg' };
      if (office) return { body: bucket().openDownloadStream(doc.fileId as never), mime: doc.mime };
      const chunks: Buffer[] = [];
      for await (const c of bucket().openDownloadStream(doc.fileId as never)) chunks.push(c as Buffer);
      return { body: await withoutMetadata(Buffer.concat(chunks), doc.mime), mime: doc.mime };
    },
  };
}

export type PhotoFiles = ReturnType<typeof createPhotoFiles>;
