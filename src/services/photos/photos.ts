import type { Logger } from 'pino';
import type { Config } from '../../../config';
import { refuse } from '../../refusals';
import type { Models } from '../../models';
import { isDuplicateKey } from '../../models/duplicate-key';
import { createPhotoAccess } from './photo-access';
import { type Attached, createPhotoAttach, type OpinionPhotos } from './photo-attach';
import { purgeUnclaimed } from './photo-cleanup';
import { createPhotoFiles } from './photo-files';
import { createPhotoIntake } from './photo-intake';
import { createWaitingPhotos } from './photo-waiting';
import type { PhotoRef, PhotoSource } from './source';

export type { PhotoView } from './photo-access';

export interface PhotosDeps {
  models: Models;
  config: Config;
  log: Logger;
  source: PhotoSource;
}

export function createPhotos(d: PhotosDeps) {
  const { PhotoDrop, Opinion } = d.models;
  const limits = d.config.tunables.photos;
  const waitMinutes = Math.round(limits.waitMs / 60_000);
  const files = createPhotoFiles(d.models, d.log);
  const waiting = createWaitingPhotos(d.models, limits);
  const fetchAll = createPhotoIntake(d);
  const attach = createPhotoAttach(d.models, limits.maxPerOpinion, (owner) => waiting.forget(owner));

  /**
   * Fetches, checks and stores the message's pictures, which then wait for the sender. All or nothing:
   * one refused picture refuses the message (a clear line) and stores none of them.
   */
  async function receive(input: { msgId: string; owner: string; images: PhotoRef[]; now: Date }): Promise<number> {
    const fetched = await fetchAll(input.msgId, input.images);
    for (const f of fetched) await files.store(f, input.now);
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
    waiting.note(input.owner, input.now);
    return fetched.length;
  }

  return {
    ...createPhotoAccess(d.models),
    open: files.open,
    waitMinutes,
    maxPerOpinion: limits.maxPerOpinion,
    receive,
    /**
     * Learns who has pictures waiting, whichever instance received them: one indexed read, run in the
     * background (compose's start), never on a command's path.
     */
    learnWaiting: (now: Date) => waiting.learn(now),
    /**
     * After 建议/民意: the sender's waiting pictures go onto the opinion just filed. Costs nothing when
     * this instance has seen no pictures from the sender lately.
     */
    async attachWaiting(input: { owner: string; opinion: OpinionPhotos; now: Date }): Promise<Attached> {
      if (!waiting.mayHave(input.owner, input.now))
        return { added: 0, left: 0, total: input.opinion.photos?.length ?? 0 };
      const drops = await waiting.drops(input.owner, input.now);
      if (!drops.length) {
        waiting.forget(input.owner);
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
      if (opinion.filer !== input.owner) refuse('photo.notOwn', { code: opinion.code });
      const drops = await waiting.drops(input.owner, input.now);
      if (!drops.length) refuse('photo.noneWaiting', { minutes: waitMinutes });
      const r = await attach(input.owner, opinion, drops, input.now);
      if (r.added === 0) refuse('photo.alreadyAttached', { code: opinion.code });
      return r;
    },
    /**
     * The clean-up job: pictures nobody attached are dropped after `keepMs`, and a stored photo goes
     * (with its GridFS files) once nothing refers to it and nobody has sent it within that time.
     */
    purgeUnclaimed: (now: Date) => purgeUnclaimed(d.models, files, new Date(now.getTime() - limits.keepMs)),
  };
}

export type Photos = ReturnType<typeof createPhotos>;
