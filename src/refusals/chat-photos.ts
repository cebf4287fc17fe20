import { t } from '../messages';
import type { PhotoRefusalCode, PhotoRefusalFields } from './photos';

type Render<C extends PhotoRefusalCode> = (f: PhotoRefusalFields[C]) => string;

/** The chat's sentences for the photos' refusals (the same words 随手拍 and 附图 have always said). */
export const PHOTO_CHAT: { readonly [C in PhotoRefusalCode]: Render<C> } = {
  'photo.notOwn': (f) => t('photoAttachNotOwn', f),
  'photo.closed': (f) => t('photoAttachClosed', f),
  'photo.full': (f) => t('photoAttachFull', f),
  'photo.noneWaiting': (f) => t('photoAttachNone', f),
  'photo.alreadyAttached': (f) => t('photoAlreadyAttached', f),
  'photo.tooMany': (f) => t('photoRefusedTooMany', f),
  'photo.tooLarge': (f) => t('photoRefusedTooLarge', f),
  'photo.notImage': () => t('photoRefusedNotImage'),
  'photo.unavailable': () => t('photoRefusedUnavailable'),
  'photo.timeout': () => t('photoRefusedTimeout'),
  'photo.undecryptable': () => t('photoRefusedUndecryptable'),
  'photo.appChannel': () => t('photoRefusedAppChannel'),
  'photo.failed': () => t('photoRefusedFailed'),
};
