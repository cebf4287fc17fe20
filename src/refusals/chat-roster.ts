import { t } from '../messages';
import type { RosterMatch, RosterNameRefusal, RosterRefusalCode, RosterRefusalFields } from './roster';

type Render<C extends RosterRefusalCode> = (f: RosterRefusalFields[C]) => string;

/** The several deputies a name could mean, as the roster's sentences list them. */
export const rosterMatches = (m: RosterMatch[]) => m.map((d) => `${d.name}（${d.userid}）`).join('、');

/** The chat's sentences for the roster's refusals (the same words the chat has always said). */
export const ROSTER_CHAT: { readonly [C in RosterRefusalCode]: Render<C> } = {
  'roster.notFound': (f) => t('rosterNotFound', f),
  'roster.ambiguous': (f) => t('rosterAmbiguous', { name: f.name, matches: rosterMatches(f.matches) }),
  'roster.badUserid': (f) => t('rosterBadUserid', f),
  'roster.badName': () => t('rosterBadName'),
  'roster.badLevel': (f) => t('rosterBadLevel', { levels: f.levels.join('、') }),
  'roster.badGroup': (f) => t('rosterBadGroup', { groups: f.groups.join('、') }),
  'roster.badPhone': (f) => t('rosterBadPhone', f),
  'roster.nameTaken': (f) => t('rosterNameTaken', f),
  'roster.exists': (f) => t('rosterUseridTaken', f),
  'roster.useridUnknown': (f) => t('rosterUseridUnknown', f),
  'roster.cannotDeactivateSelf': () => t('rosterCannotDeactivateSelf'),
  'roster.alreadyInactive': (f) => t('rosterAlreadyInactive', f),
  'roster.officeFromConfig': (f) => t('rosterOfficeFromConfig', f),
  'roster.officeAlready': (f) => t('rosterOfficeAlready', f),
  'roster.officeNot': (f) => t('rosterOfficeNot', f),
  'roster.lastOffice': () => t('rosterLastOffice'),
  'roster.officeConcurrent': () => t('rosterOfficeConcurrent'),
};

/** A name the roster could not place, as the chat says it. */
export const rosterNameForChat = (r: RosterNameRefusal): string =>
  r.code === 'roster.notFound' ? ROSTER_CHAT[r.code](r.fields) : ROSTER_CHAT[r.code](r.fields);
