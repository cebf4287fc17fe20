import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { Config } from '../../../config';
import { UserError } from '../../errors';
import { inspectImage } from './inspect';
import type { Fetched } from './photo-files';
import { type PhotoRef, PhotoRefused, type PhotoSource } from './source';

const REFUSAL_KEYS = {
  notImage: 'photoRefusedNotImage',
  tooLarge: 'photoRefusedTooLarge',
  unavailable: 'photoRefusedUnavailable',
  timeout: 'photoRefusedTimeout',
  undecryptable: 'photoRefusedUndecryptable',
  appChannel: 'photoRefusedAppChannel',
  failed: 'photoRefusedFailed',
} as const;

/**
 * A message's pictures fetched and checked, all or nothing: one refused picture refuses the message with a
 * clear line (a UserError) and none is kept.
 */
export function createPhotoIntake(d: { config: Config; log: Logger; source: PhotoSource }) {
  const limits = d.config.tunables.photos;

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
