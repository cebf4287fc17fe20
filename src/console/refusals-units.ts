import { t } from '../messages';
import type { UnitRefusalCode, UnitRefusalFields } from '../refusals';

type Render<C extends UnitRefusalCode> = (f: UnitRefusalFields[C]) => string;

/** The console's sentences for the units' loop (no chat usage lines). */
export const UNIT_CONSOLE: { readonly [C in UnitRefusalCode]: Render<C> } = {
  'opinion.resolutionMissing': () => t('refusalResolutionMissing'),
  'opinion.badResolution': () => t('refusalResolutionMissing'),
};
