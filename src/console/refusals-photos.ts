import { t } from '../messages';
import type { PhotoRefusalCode, PhotoRefusalFields } from '../refusals';
import { PHOTO_CHAT } from '../refusals/chat-photos';

type Render<C extends PhotoRefusalCode> = (f: PhotoRefusalFields[C]) => string;

/** The console's sentences for the photos' refusals: the chat's, without what to send in the chat. */
export const PHOTO_CONSOLE: { readonly [C in PhotoRefusalCode]: Render<C> } = {
  ...PHOTO_CHAT,
  'photo.noneWaiting': () => t('refusalPhotoNoneWaiting'),
  'photo.appChannel': () => t('refusalPhotoAppChannel'),
};
