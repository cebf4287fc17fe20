import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { mongo } from 'mongoose';
import type { Logger } from 'pino';
import type { Config } from '../../../config';
import { UserError } from '../../errors';
import { refuse } from '../../refusals';
import type { Models } from '../../models';
import { isDuplicateKey } from '../../models/duplicate-key';
import { photoBucket } from '../../models/photo';
import { OPEN_STATUSES } from '../opinions';
import { type Inspected, inspectImage, withoutMetadata } from './inspect';
import { type PhotoRef, PhotoRefused, type PhotoSource } from './source';

export interface PhotosDeps {
  models: Models;
  config: Config;
  log: Logger;
  source: PhotoSource;
}

export interface PhotoView {
  id: string;
  width: number;
  height: number;
  at: Date;
  /** EXIF location: filled only for the office. */
  gps?: { lat: number; lon: number };
}

type FileId = mongo.ObjectId;
type Fetched = { sha: string; bytes: Buffer; info: Inspected };
type Drop = { _id: string; photo: string };
type OpinionPhotos = { code: string; filer: string; status: string; photos?: Array<{ id: string }> | null };

const REFUSAL_KEYS = {
  notImage: 'photoRefusedNotImage',
  tooLarge: 'photoRefusedTooLarge',
  unavailable: 'photoRefusedUnavailable',
  timeout: 'photoRefusedTimeout',
  undecryptable: 'photoRefusedUndecryptable',
  appChannel: 'photoRefusedAppChannel',
  failed: 'photoRefusedFailed',
} as const;

export function createPhotos(d: PhotosDeps) {
  const { Photo, PhotoDrop, Opinion } = d.models;
  const limits = d.config.tunables.photos;
  const waitMinutes = Math.round(limits.waitMs / 60_000);
  const bucket = () => photoBucket(Photo.db);
  /**
   * Who sent pictures lately: 建议 without pictures then costs no database round trip. Pictures received
   * by another instance are learned every few seconds in the background (learnWaiting).
   */
  const recent = new Map<string, number>();

  function refusal(err: unknown): UserError {
    if (err instanceof PhotoRefused) {
      if (err.reason === 'tooMany') return new UserError('photoRefusedTooMany', { max: limits.perMessage });
      if (err.reason === 'tooLarge')
        return new UserError('photoRefusedTooLarge', { mb: Math.round(limits.maxBytes / 1024 / 1024) });
      return new UserError(REFUSAL_KEYS[err.reason]);
    }
    return new UserError('photoRefusedFailed');
  }

  async function fetchOne(ref: PhotoRef): Promise<Fetched> {
    const bytes = await d.source.fetch(ref);
    if (bytes.length > limits.maxBytes) throw new PhotoRefused('tooLarge', `${bytes.length} bytes`);
    const info = await inspectImage(bytes, limits.thumbPx);
    if (!info) throw new PhotoRefused('notImage', 'not a decodable JPEG or PNG');
    return { sha: createHash('sha256').update(bytes).digest('hex'), bytes, info };
  }

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
        .catch((err: unknown) => d.log.warn({ err }, 'photo file not deleted'));
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
   * Fetches, checks and stores the message's pictures, which then wait for the sender. All or nothing:
   * one refused picture refuses the message (a clear line) and stores none of them.
   */
  async function receive(input: { msgId: string; owner: string; images: PhotoRef[]; now: Date }): Promise<number> {
    if (input.images.length > limits.perMessage) throw refusal(new PhotoRefused('tooMany', 'per message'));
    const fetched: Fetched[] = [];
    try {
      for (const ref of input.images) fetched.push(await fetchOne(ref));
    } catch (err) {
      d.log.info({ msgId: input.msgId, reason: (err as Error).message }, 'photo refused');
      throw refusal(err);
    }
    for (const f of fetched) await store(f, input.now);
    const drops = fetched.map((f, i) => ({
      _id: `${input.msgId}#${i}`,
      owner: input.owner,
      photo: f.sha,
      receivedAt: input.now,
      waitUntil: new Date(input.now.getTime() + limits.waitMs),
      status: 'waiting',
    }));
    try {
      await PhotoDrop.insertMany(drops, { ordered: false });
    } catch (err) {
      // A redelivered message: its pictures are already waiting.
      if (!isDuplicateKey(err)) throw err;
    }
    recent.set(input.owner, input.now.getTime() + limits.waitMs);
    return fetched.length;
  }

  function mayHaveWaiting(owner: string, now: Date): boolean {
    const until = recent.get(owner);
    if (until === undefined) return false;
    if (until < now.getTime()) {
      recent.delete(owner);
      return false;
    }
    return true;
  }

  async function waitingDrops(owner: string, now: Date): Promise<Drop[]> {
    return PhotoDrop.find(
      { owner, status: 'waiting', receivedAt: { $gte: new Date(now.getTime() - limits.waitMs) } },
      { _id: 1, photo: 1 },
    )
      .sort({ receivedAt: 1, _id: 1 })
      .limit(limits.maxPerOpinion * 4)
      .lean<Drop[]>();
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

  type Attached = { added: number; left: number; total: number };

  /** One guarded update: the filer's own, still-open opinion, with room for the new ones; never twice the same photo. */
  async function attach(owner: string, known: OpinionPhotos, drops: Drop[], now: Date): Promise<Attached> {
    let current = known;
    for (let attempt = 0; attempt < 3; attempt++) {
      if (current.filer !== owner) throw new UserError('photoAttachNotOwn', { code: current.code });
      if (!OPEN_STATUSES.includes(current.status as never))
        throw new UserError('photoAttachClosed', { code: current.code, status: current.status });
      const have = new Set((current.photos ?? []).map((p) => p.id));
      const fresh = [...new Set(drops.map((x) => x.photo))].filter((id) => !have.has(id));
      const room = limits.maxPerOpinion - have.size;
      if (fresh.length > 0 && room <= 0)
        throw new UserError('photoAttachFull', { code: current.code, max: limits.maxPerOpinion });
      const taken = fresh.slice(0, Math.max(0, room));
      if (taken.length > 0) {
        const updated = await Opinion.findOneAndUpdate(
          {
            code: current.code,
            filer: owner,
            status: { $in: OPEN_STATUSES },
            [`photos.${limits.maxPerOpinion - taken.length}`]: { $exists: false },
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
        current = updated;
      }
      const takenSet = new Set([...taken, ...have]);
      const used = drops.filter((x) => takenSet.has(x.photo)).map((x) => x._id);
      if (used.length)
        await PhotoDrop.updateMany(
          { _id: { $in: used }, status: 'waiting' },
          { $set: { status: 'attached', code: current.code } },
        );
      if (used.length === drops.length) recent.delete(owner);
      return { added: taken.length, left: fresh.length - taken.length, total: (current.photos ?? []).length };
    }
    throw new UserError('photoRefusedFailed');
  }

  return {
    waitMinutes,
    maxPerOpinion: limits.maxPerOpinion,
    receive,
    /**
     * Learns who has pictures waiting, whichever instance received them: one indexed read, run in the
     * background (compose's start), never on a command's path.
     */
    async learnWaiting(now: Date): Promise<number> {
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
    /**
     * After 建议/民意: the sender's waiting pictures go onto the opinion just filed. Costs nothing when
     * this instance has seen no pictures from the sender lately.
     */
    async attachWaiting(input: { owner: string; opinion: OpinionPhotos; now: Date }): Promise<Attached> {
      if (!mayHaveWaiting(input.owner, input.now))
        return { added: 0, left: 0, total: input.opinion.photos?.length ?? 0 };
      const drops = await waitingDrops(input.owner, input.now);
      if (!drops.length) {
        recent.delete(input.owner);
        return { added: 0, left: 0, total: input.opinion.photos?.length ?? 0 };
      }
      return attach(input.owner, input.opinion, drops, input.now);
    },
    /** 附图 编号: the sender's waiting pictures onto one of their own opinions not yet closed. */
    async attachTo(input: { owner: string; code: string; now: Date }): Promise<Attached> {
      const opinion = await Opinion.findOne(
        { code: input.code },
        { code: 1, filer: 1, status: 1, photos: 1 },
      ).lean<OpinionPhotos>();
      if (!opinion) refuse('opinion.notFound', { code: input.code });
      if (opinion.filer !== input.owner) throw new UserError('photoAttachNotOwn', { code: opinion.code });
      const drops = await waitingDrops(input.owner, input.now);
      if (!drops.length) throw new UserError('photoAttachNone', { minutes: waitMinutes });
      const r = await attach(input.owner, opinion, drops, input.now);
      if (r.added === 0) throw new UserError('photoAlreadyAttached', { code: opinion.code });
      return r;
    },
    /**
     * Who may see an opinion's photos: the office and the filer (the rule the console's routes apply).
     * `missing` for no such opinion or no such photo on it.
     */
    async access(
      code: string,
      viewer: { userid: string; office: boolean },
      photoId?: string,
    ): Promise<
      | { status: 'ok'; office: boolean; opinion: { code: string; photos: Array<{ id: string; at: Date }> } }
      | { status: 'missing' | 'forbidden' }
    > {
      const o = await Opinion.findOne({ code }, { code: 1, filer: 1, photos: 1 }).lean<{
        code: string;
        filer: string;
        photos?: Array<{ id: string; at: Date }> | null;
      }>();
      if (!o) return { status: 'missing' };
      if (!viewer.office && o.filer !== viewer.userid) return { status: 'forbidden' };
      const photos = o.photos ?? [];
      if (photoId !== undefined && !photos.some((p) => p.id === photoId)) return { status: 'missing' };
      return { status: 'ok', office: viewer.office, opinion: { code: o.code, photos } };
    },
    /** The opinion's photos for the console; the location for the office only. */
    async listFor(opinion: { photos?: Array<{ id: string; at: Date }> | null }, office: boolean): Promise<PhotoView[]> {
      const refs = opinion.photos ?? [];
      if (!refs.length) return [];
      const docs = await Photo.find({ _id: { $in: refs.map((r) => r.id) } }, { width: 1, height: 1, gps: 1 }).lean<
        Array<{ _id: string; width: number; height: number; gps?: { lat?: number; lon?: number } }>
      >();
      const byId = new Map(docs.map((x) => [x._id, x]));
      return refs.flatMap((r) => {
        const doc = byId.get(r.id);
        if (!doc) return [];
        const gps =
          office && typeof doc.gps?.lat === 'number' && typeof doc.gps?.lon === 'number'
            ? { lat: doc.gps.lat, lon: doc.gps.lon }
            : undefined;
        return [{ id: r.id, width: doc.width, height: doc.height, at: r.at, ...(gps ? { gps } : {}) }];
      });
    },
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
    /**
     * The clean-up job: pictures nobody attached are dropped after `keepMs`, and a stored photo goes
     * (with its GridFS files) once nothing refers to it and nobody has sent it within that time.
     */
    async purgeUnclaimed(now: Date): Promise<Record<string, number>> {
      const cutoff = new Date(now.getTime() - limits.keepMs);
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
        await removeFiles([p.fileId, p.thumbId]);
        photos += 1;
      }
      return { unclaimedPhotos: waiting.deletedCount ?? 0, photoFiles: photos, strayFiles: await sweepStray(cutoff) };
    },
  };
}

export type Photos = ReturnType<typeof createPhotos>;
