import type { RefusalSpec } from './spec';

// The photos' refusals (随手拍, 附图): a block of their own, spread into the catalogue beside the other domains'.
// Pictures come in through the chat only; the console shows them, so its renderings are for completeness.

export interface PhotoRefusalFields {
  /** 附图 onto someone else's opinion. */
  'photo.notOwn': { code: string };
  /** The opinion is past the statuses that take pictures. */
  'photo.closed': { code: string; status: string };
  'photo.full': { code: string; max: number };
  /** 附图 with no pictures waiting for the sender. */
  'photo.noneWaiting': { minutes: number };
  'photo.alreadyAttached': { code: string };
  /** More pictures in one message than one may send. */
  'photo.tooMany': { max: number };
  'photo.tooLarge': { mb: number };
  'photo.notImage': Record<string, never>;
  /** WeCom's link expired or could not be fetched. */
  'photo.unavailable': Record<string, never>;
  'photo.timeout': Record<string, never>;
  'photo.undecryptable': Record<string, never>;
  /** The self-built app cannot fetch media (no app secret configured). */
  'photo.appChannel': Record<string, never>;
  /** Not stored for a reason the sender cannot fix (a storage fault, or the opinion kept changing): send again. */
  'photo.failed': Record<string, never>;
}

export type PhotoRefusalCode = keyof PhotoRefusalFields;

export const PHOTO_REFUSALS: { readonly [C in PhotoRefusalCode]: RefusalSpec } = {
  'photo.notOwn': { kind: 'forbidden' },
  'photo.closed': { kind: 'conflict' },
  'photo.full': { kind: 'conflict' },
  'photo.noneWaiting': { kind: 'conflict' },
  'photo.alreadyAttached': { kind: 'conflict' },
  'photo.tooMany': { kind: 'invalid', field: 'photos' },
  'photo.tooLarge': { kind: 'invalid', field: 'photos' },
  'photo.notImage': { kind: 'invalid', field: 'photos' },
  'photo.unavailable': { kind: 'invalid', field: 'photos' },
  'photo.timeout': { kind: 'invalid', field: 'photos' },
  'photo.undecryptable': { kind: 'invalid', field: 'photos' },
  'photo.appChannel': { kind: 'conflict' },
  'photo.failed': { kind: 'conflict' },
};
