import { t } from '../messages';
import type { FollowUpRefusalCode, FollowUpRefusalFields } from './follow-up';

type Render<C extends FollowUpRefusalCode> = (f: FollowUpRefusalFields[C]) => string;

/** The chat's sentences for 跟踪 and 重办. */
export const FOLLOW_UP_CHAT: { readonly [C in FollowUpRefusalCode]: Render<C> } = {
  'opinion.followUpClass': (f) => t('followUpClass', f),
};
