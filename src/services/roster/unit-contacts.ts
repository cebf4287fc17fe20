import { type Clock, systemClock } from '../../clock';
import type { Models } from '../../models';
import { refuse } from '../../refusals';
import { createRosterCache } from './roster-cache';
import { NAME_MAX_CHARS, USERID } from './rules';

/** One person who answers for one or more handling units (承办人). */
export interface ContactEntry {
  userid: string;
  name: string;
  /** The units' names, as stored. */
  units: string[];
}

/** A handling unit and its contacts, as the office lists them. */
export interface UnitWithContacts {
  name: string;
  useCount: number;
  contacts: Array<{ userid: string; name: string; addedAt: Date }>;
}

const MAX_UNIT_CHARS = 40;

/**
 * The handling units' contacts: who they are (for resolving a sender who is not on the roster) and their
 * upkeep by the office. Reads for resolving come from a short-lived copy like the roster's; a sender the copy
 * does not show as a contact is looked for in the database before being refused (another instance may have
 * just added them). Every write here drops the copy.
 */
export function createUnitContacts(o: { models: Models; clock?: Clock; cacheMs?: number }) {
  const { HandlingUnit } = o.models;
  const cache = createRosterCache<ContactEntry>(
    async () => {
      const units = await HandlingUnit.find({ 'contacts.0': { $exists: true } }, { name: 1, contacts: 1 })
        .sort({ name: 1, _id: 1 })
        .lean();
      const byUserid = new Map<string, ContactEntry>();
      for (const u of units)
        for (const c of u.contacts ?? []) {
          const e = byUserid.get(c.userid) ?? { userid: c.userid, name: c.name, units: [] };
          e.units.push(u.name);
          byUserid.set(c.userid, e);
        }
      return [...byUserid.values()];
    },
    o.clock ?? systemClock,
    o.cacheMs,
  );

  /** Who `userid` answers for; the database is read when the copy says nobody (`fresh` reads it anyway). */
  async function contactOf(userid: string, opts: { fresh?: boolean } = {}): Promise<ContactEntry | undefined> {
    const copy = opts.fresh ? undefined : (await cache.get()).byUserid.get(userid);
    return copy ?? (await cache.reload()).byUserid.get(userid);
  }

  function checkContact(input: { unit: string; userid: string; name: string }) {
    const unit = input.unit.trim();
    const userid = input.userid.trim();
    const name = input.name.trim();
    if (!unit) refuse('unit.nameMissing', {});
    if ([...unit].length > MAX_UNIT_CHARS) refuse('unit.nameTooLong', { max: MAX_UNIT_CHARS });
    if (!USERID.test(userid)) refuse('roster.badUserid', { userid });
    if (!name || [...name].length > NAME_MAX_CHARS) refuse('roster.badName', {});
    return { unit, userid, name };
  }

  /** Adds a contact to a unit (a unit not yet known is created: the office may set units up before 交办). */
  async function add(input: { unit: string; userid: string; name: string }, now: Date): Promise<UnitWithContacts> {
    const { unit, userid, name } = checkContact(input);
    const contact = { userid, name, addedAt: now };
    try {
      // One guarded upsert: the userid is not yet among this unit's contacts.
      const doc = await HandlingUnit.findOneAndUpdate(
        { name: unit, 'contacts.userid': { $ne: userid } },
        {
          $push: { contacts: contact },
          $setOnInsert: { name: unit, useCount: 0, firstUsedAt: now, lastUsedAt: now },
        },
        { upsert: true, returnDocument: 'after' },
      ).lean();
      return unitJson(doc!);
    } catch (err) {
      // The upsert met the unit with this contact already on it (unique name): say so.
      const existing = await HandlingUnit.findOne({ name: unit, 'contacts.userid': userid }).lean();
      if (existing) refuse('unit.contactExists', { unit, userid, name: contactName(existing, userid) });
      throw err;
    } finally {
      cache.forget();
    }
  }

  /** Removes a contact from a unit (their cases stay with the unit: the office or another contact answers). */
  async function remove(input: { unit: string; userid: string }): Promise<UnitWithContacts> {
    const unit = input.unit.trim();
    const userid = input.userid.trim();
    try {
      const doc = await HandlingUnit.findOneAndUpdate(
        { name: unit, 'contacts.userid': userid },
        { $pull: { contacts: { userid } } },
        { returnDocument: 'after' },
      ).lean();
      if (!doc) {
        if (!(await HandlingUnit.exists({ name: unit }))) refuse('unit.notFound', { unit });
        refuse('unit.contactNotFound', { unit, userid });
      }
      return unitJson(doc);
    } finally {
      cache.forget();
    }
  }

  /** Every known unit with its contacts, the busiest first (fresh: the office's own listing). */
  async function list(): Promise<UnitWithContacts[]> {
    const all = await HandlingUnit.find({}).sort({ useCount: -1, name: 1, _id: 1 }).lean();
    return all.map(unitJson);
  }

  return { contactOf, add, remove, list, forget: () => cache.forget() };
}

export type UnitContacts = ReturnType<typeof createUnitContacts>;

type UnitDoc = { name: string; useCount?: number | null; contacts?: UnitWithContacts['contacts'] | null };

function unitJson(u: UnitDoc): UnitWithContacts {
  return {
    name: u.name,
    useCount: u.useCount ?? 0,
    contacts: (u.contacts ?? []).map((c) => ({ userid: c.userid, name: c.name, addedAt: c.addedAt })),
  };
}

function contactName(u: UnitDoc, userid: string): string {
  return u.contacts?.find((c) => c.userid === userid)?.name ?? userid;
}
