// 承办单位: the handling units' contacts (the roster page's 承办单位 tab) and a contact's own cases.
import type { Instant } from './common';
import type { Resolution } from './labels';

export interface UnitContactRow {
  userid: string;
  name: string;
  addedAt: Instant;
}

/** GET /unit-contacts: every known unit with its contacts, the busiest first. */
export interface UnitWithContacts {
  name: string;
  /** How many times cases were handed to it. */
  useCount: number;
  contacts: UnitContactRow[];
}
export interface UnitContactsList {
  units: UnitWithContacts[];
}

/** POST /unit-contacts (add; a new unit is created) and POST /unit-contacts/remove (answers the unit as it is now). */
export interface UnitContactBody {
  unit: string;
  userid: string;
  name: string;
}
export interface UnitContactRemoveBody {
  unit: string;
  userid: string;
}

/** GET /unit/opinions: a contact's open cases, the nearest deadline first. */
export interface UnitCaseRow {
  code: string;
  title: string;
  unit: string;
  deadline: Instant;
  overdue: boolean;
  /** Submitted, waiting for the office's review. */
  pending: boolean;
  /** The office sent the last answer back. */
  returned: boolean;
}
export interface UnitCasesPage {
  units: string[];
  /** Answers go to the office's review first (UNIT_ANSWER_REVIEW). */
  review: boolean;
  items: UnitCaseRow[];
}

/** A unit's answer waiting for review, as the office and the unit see it on the case page. */
export interface PendingAnswer {
  text: string;
  resolution: Resolution;
  byName: string;
  at: Instant;
}
export interface ReturnedAnswer {
  reason: string;
  byName: string | null;
  at: Instant;
}

/** POST /opinions/:code/review: approve the unit's pending answer, or send it back with the reason. */
export interface ReviewBody {
  approve: boolean;
  reason?: string;
}
