import { t } from '../messages';
import type { RosterNameRefusal, RosterRefusalCode, RosterRefusalFields } from '../refusals';
import { ROSTER_CHAT, rosterMatches } from '../refusals/chat-roster';

type Render<C extends RosterRefusalCode> = (f: RosterRefusalFields[C]) => string;

/** The console's sentences for the roster's refusals: the chat's words where they name no chat command. */
export const ROSTER_CONSOLE: { readonly [C in RosterRefusalCode]: Render<C> } = {
  'roster.notFound': (f) => t('refusalRosterNotFound', f),
  'roster.ambiguous': (f) => t('rosterAmbiguous', { name: f.name, matches: rosterMatches(f.matches) }),
  'roster.badUserid': ROSTER_CHAT['roster.badUserid'],
  'roster.badName': () => t('refusalRosterBadName'),
  'roster.badLevel': ROSTER_CHAT['roster.badLevel'],
  'roster.badGroup': ROSTER_CHAT['roster.badGroup'],
  'roster.badPhone': (f) => t('refusalRosterBadPhone', f),
  'roster.nameTaken': (f) => t('refusalRosterNameTaken', f),
  'roster.exists': ROSTER_CHAT['roster.exists'],
  'roster.useridUnknown': ROSTER_CHAT['roster.useridUnknown'],
  'roster.cannotDeactivateSelf': ROSTER_CHAT['roster.cannotDeactivateSelf'],
  'roster.alreadyInactive': ROSTER_CHAT['roster.alreadyInactive'],
  'roster.officeFromConfig': ROSTER_CHAT['roster.officeFromConfig'],
  'roster.officeAlready': ROSTER_CHAT['roster.officeAlready'],
  'roster.officeNot': ROSTER_CHAT['roster.officeNot'],
  'roster.lastOffice': ROSTER_CHAT['roster.lastOffice'],
  'roster.officeConcurrent': () => t('refusalRosterOfficeConcurrent'),
};

/** A name the roster could not place, as the console says it. */
export const rosterNameForConsole = (r: RosterNameRefusal): string =>
  r.code === 'roster.notFound' ? ROSTER_CONSOLE[r.code](r.fields) : ROSTER_CONSOLE[r.code](r.fields);
