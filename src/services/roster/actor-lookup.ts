import type { Actor } from './actor';
import type { createRosterCache } from './roster-cache';
import type { UnitContacts } from './unit-contacts';
import type { RosterEntry } from './roster-entry';

type RosterCache = ReturnType<typeof createRosterCache<RosterEntry>>;

export type ActorLookup =
  { ok: true; actor: Actor } | { ok: false; reason: 'not_on_roster' | 'inactive'; contacts: string };

/**
 * Who is writing: office staff from the config, an active deputy, or a handling unit's contact; otherwise why not,
 * with whom to ask. Someone missing or inactive in the copy is looked up in the roster as stored before refusing.
 */
export async function resolveActor(
  r: {
    cache: RosterCache;
    configOffice: Set<string>;
    contacts: UnitContacts;
    officeContacts(): Promise<string>;
  },
  userid: string,
  opts: { fresh?: boolean },
): Promise<ActorLookup> {
  const { cache, configOffice, contacts, officeContacts } = r;
  let d = (await cache.get()).byUserid.get(userid);
  if (!configOffice.has(userid) && (opts.fresh || !d?.active)) d = (await cache.reload()).byUserid.get(userid);
  if (configOffice.has(userid)) return { ok: true, actor: { userid, name: d?.name ?? userid, isOffice: true } };
  if (d?.active) return { ok: true, actor: { userid, name: d.name, isOffice: d.isOffice } };
  // Not a deputy (any more): a handling unit's contact may still write (their copy re-reads on a miss).
  const contact = await contacts.contactOf(userid, opts);
  if (contact)
    return {
      ok: true,
      actor: { userid, name: contact.name, isOffice: false, units: contact.units, contactOnly: true },
    };
  if (!d) return { ok: false, reason: 'not_on_roster', contacts: await officeContacts() };
  return { ok: false, reason: 'inactive', contacts: await officeContacts() };
}
