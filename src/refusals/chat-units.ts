import { t } from '../messages';
import type { UnitRefusalCode, UnitRefusalFields } from './units';

type Render<C extends UnitRefusalCode> = (f: UnitRefusalFields[C]) => string;

/** The chat's sentences for the units' loop. */
export const UNIT_CHAT: { readonly [C in UnitRefusalCode]: Render<C> } = {
  'opinion.resolutionMissing': (f) => t('resolutionMissing', f),
  'opinion.badResolution': (f) => t('resolutionBad', f),
};
