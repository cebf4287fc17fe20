import type { RefusalSpec } from './spec';

// The roster's refusals (代表名册: finding a deputy by name, adding, editing, deactivating, the office role):
// a block of their own, spread into the catalogue beside the other domains'.

/** A deputy as a refusal names them (the several a name could mean). */
export interface RosterMatch {
  name: string;
  userid: string;
}

export interface RosterRefusalFields {
  /** No active deputy by that name, userid or name prefix. */
  'roster.notFound': { name: string };
  /** The name (or prefix) fits several active deputies. */
  'roster.ambiguous': { name: string; matches: RosterMatch[] };
  'roster.badUserid': { userid: string };
  'roster.badName': Record<string, never>;
  'roster.badLevel': { levels: string[] };
  'roster.badGroup': { groups: string[] };
  'roster.badPhone': { phone: string };
  /** Another active deputy already has this name. */
  'roster.nameTaken': { name: string; userid: string };
  /** The console's add: the userid is on the roster already. */
  'roster.exists': { userid: string };
  /** The console's edit: the userid is on the roster no more. */
  'roster.useridUnknown': { userid: string };
  'roster.cannotDeactivateSelf': Record<string, never>;
  'roster.alreadyInactive': { name: string };
  /** The office role comes from OFFICE_USERIDS, not the roster. */
  'roster.officeFromConfig': { name: string };
  'roster.officeAlready': { name: string };
  'roster.officeNot': { name: string };
  'roster.lastOffice': Record<string, never>;
  /** A concurrent removal left the office empty, so this one was undone. */
  'roster.officeConcurrent': Record<string, never>;
}

export type RosterRefusalCode = keyof RosterRefusalFields;

/** A name the roster could not place, as data (collected by 排班 for every name typed). */
export type RosterNameRefusal =
  | { code: 'roster.notFound'; fields: RosterRefusalFields['roster.notFound'] }
  | { code: 'roster.ambiguous'; fields: RosterRefusalFields['roster.ambiguous'] };

export const ROSTER_REFUSALS: { readonly [C in RosterRefusalCode]: RefusalSpec } = {
  'roster.notFound': { kind: 'notFound' },
  'roster.ambiguous': { kind: 'invalid' },
  'roster.badUserid': { kind: 'invalid', field: 'userid' },
  'roster.badName': { kind: 'invalid', field: 'name' },
  'roster.badLevel': { kind: 'invalid', field: 'level' },
  'roster.badGroup': { kind: 'invalid', field: 'group' },
  'roster.badPhone': { kind: 'invalid', field: 'phone' },
  'roster.nameTaken': { kind: 'conflict', field: 'name' },
  'roster.exists': { kind: 'conflict', field: 'userid' },
  'roster.useridUnknown': { kind: 'notFound', field: 'userid' },
  'roster.cannotDeactivateSelf': { kind: 'forbidden' },
  'roster.alreadyInactive': { kind: 'conflict' },
  'roster.officeFromConfig': { kind: 'conflict' },
  'roster.officeAlready': { kind: 'conflict' },
  'roster.officeNot': { kind: 'conflict' },
  'roster.lastOffice': { kind: 'conflict' },
  'roster.officeConcurrent': { kind: 'conflict' },
};
