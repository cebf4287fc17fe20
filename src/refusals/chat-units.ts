import { t } from '../messages';
import type { UnitRefusalCode, UnitRefusalFields } from './units';

type Render<C extends UnitRefusalCode> = (f: UnitRefusalFields[C]) => string;

/** The chat's sentences for the units' loop. */
export const UNIT_CHAT: { readonly [C in UnitRefusalCode]: Render<C> } = {
  'opinion.resolutionMissing': (f) => t('resolutionMissing', f),
  'opinion.badResolution': (f) => t('resolutionBad', f),
  'opinion.badShareWord': (f) => t('shareWordBad', f),
  'unit.ambiguous': (f) => t('refusalOpinionUnitAmbiguous', f),
  'unit.nameMissing': () => t('unitContactUsage'),
  'unit.nameTooLong': (f) => t('unitNameTooLong', f),
  'unit.notFound': (f) => t('unitNotFound', f),
  'unit.contactExists': (f) => t('unitContactExists', f),
  'unit.contactNotFound': (f) => t('unitContactNotFound', f),
  'unit.notYourCase': (f) => t('unitNotYourCase', f),
  'unit.answerInGroup': (f) => t('unitAnswerInGroup', f),
  'review.nothingPending': (f) => t('reviewNothingPending', f),
  'review.reasonMissing': (f) => t('reviewReasonUsage', f),
  'review.reasonTooLong': (f) => t('reviewReasonTooLong', f),
};
