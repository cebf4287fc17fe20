import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { Config } from '../../../config';
import { Refusal } from '../../refusals';
import { inspectImage } from './inspect';
import type { Fetched } from './photo-files';
import { type PhotoRef, PhotoRefused, type PhotoSource } from './source';

/** The refusal of each reason that carries no fields. */
const REFUSAL_CODES = {
  notImage: 'photo.notImage',
  unavailable: 'photo.unavailable',
  timeout: 'photo.timeout',
  undecryptable: 'photo.undecryptable',
  appChannel: 'photo.appChannel',
  failed: 'photo.failed',
} as const;

/**
 * A message's pictures fetched and checked, all or nothing: one refused picture refuses the message with a
 * refusal (its own code) and none is kept.
 */
export function createPhotoIntake(d: { config: Config; log: Logger; source: PhotoSource }) {
  const limits = d.config.tunables.photos;

  function refusal(err: unknown): Refusal {
    if (!(err instanceof PhotoRefused)) return new Refusal('photo.failed', {});
    if (err.reason === 'tooMany') return new Refusal('photo.tooMany', { max: limits.perMessage });
    if (err.reason === 'tooLarge')
      return new Refusal('photo.tooLarge', { mb: Math.round(limits.maxBytes / 1024 / 1024) });
    return new Refusal(REFUSAL_CODES[err.reason], {});
  }

  async function fetchOne(ref: PhotoRef): Promise<Fetched> {
    const bytes = await d.source.fetch(ref);
    if (bytes.length > limits.maxBytes) throw new PhotoRefused('tooLarge', `${bytes.length} bytes`);
    const info = await inspectImage(bytes, limits.thumbPx);
    if (!info) throw new PhotoRefused('notImage', 'not a decodable JPEG or PNG');
    return { sha: createHash('sha256').update(bytes).digest('hex'), bytes, info };
  }

  return async function fetchAll(msgId: string, images: PhotoRef[]): Promise<Fetched[]> {
    if (images.length > limits.perMessage) throw refusal(new PhotoRefused('tooMany', 'per message'));
    const fetched: Fetched[] = [];
    try {
      for (const ref of images) fetched.push(await fetchOne(ref));
    } catch (err) {
      d.log.info({ msgId, reason: (err as Error).message }, 'photo refused');
      throw refusal(err);
    }
    return fetched;
  };
}
