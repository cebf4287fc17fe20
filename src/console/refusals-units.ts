import { t } from '../messages';
import type { UnitRefusalCode, UnitRefusalFields } from '../refusals';

type Render<C extends UnitRefusalCode> = (f: UnitRefusalFields[C]) => string;

/** The console's sentences for the units' loop (no chat usage lines). */
export const UNIT_CONSOLE: { readonly [C in UnitRefusalCode]: Render<C> } = {
  'opinion.resolutionMissing': () => t('refusalResolutionMissing'),
  'opinion.badResolution': () => t('refusalResolutionMissing'),
  'opinion.badShareWord': (f) => t('shareWordBad', f),
  'unit.ambiguous': (f) => t('refusalOpinionUnitAmbiguous', f),
  'unit.nameMissing': () => t('refusalUnitNameMissing'),
  'unit.nameTooLong': (f) => t('unitNameTooLong', f),
  'unit.notFound': (f) => t('refusalUnitNotFound', f),
  'unit.contactExists': (f) => t('refusalUnitContactExists', f),
  'unit.contactNotFound': (f) => t('refusalUnitContactNotFound', f),
  'unit.notYourCase': () => t('refusalUnitNotYourCase'),
  'unit.answerInGroup': () => t('refusalUnitAnswerInGroup'),
  'review.nothingPending': (f) => t('refusalReviewNothingPending', f),
  'review.reasonMissing': () => t('refusalReviewReasonMissing'),
  'review.reasonTooLong': (f) => t('reviewReasonTooLong', f),
};
