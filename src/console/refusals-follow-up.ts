import { t } from '../messages';
import type { FollowUpRefusalCode, FollowUpRefusalFields } from '../refusals';

type Render<C extends FollowUpRefusalCode> = (f: FollowUpRefusalFields[C]) => string;

/** The console's sentences for 跟踪 and 重办 (no chat usage lines). */
export const FOLLOW_UP_CONSOLE: { readonly [C in FollowUpRefusalCode]: Render<C> } = {
  'opinion.followUpClass': (f) => t('followUpClass', f),
};
