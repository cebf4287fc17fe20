import type { Models } from '../../models';
import { Refusal } from '../../refusals';
import { t } from '../../messages';
import { type Clock, systemClock } from '../../clock';
import { createRosterCache } from './roster-cache';
import { createUnitContacts } from './unit-contacts';
import { type RosterEntry, type RosterWriteContext, toRosterEntry } from './roster-entry';
import { type DeputyInput, upsertDeputy } from './deputy-upsert';
import { createOfficeRoles } from './office-roles';
import { resolveActor } from './actor-lookup';

export { type RosterEntry, toRosterEntry } from './roster-entry';

export type { ActorLookup } from './actor-lookup';

export interface RosterOptions {
  models: Models;
  officeUserIds: string[];
  levels: readonly string[];
  groups: readonly string[];
  /** Ages the per-instance roster copy (the injected clock in tests). */
  clock?: Clock;
  cacheMs?: number;
}

export function createRoster(o: RosterOptions) {
  const { Deputy } = o.models;
  const configOffice = new Set(o.officeUserIds);
  // Reads for answering commands come from a short-lived copy; every write below drops it.
  const cache = createRosterCache(
    async () => {
      const docs = await Deputy.find({}).sort({ name: 1, _id: 1 }).lean();
      return docs.map((d) => toRosterEntry(d as never));
    },
    o.clock ?? systemClock,
    o.cacheMs,
  );
  const contacts = createUnitContacts({ models: o.models, clock: o.clock, cacheMs: o.cacheMs });
  const activeIn = (snapshot: { all: RosterEntry[] }) => snapshot.all.filter((d) => d.active);
  /** Active entries from the copy, or read now (`fresh`) when an answer must not rest on the copy. */
  const activeEntries = async (opts: { fresh?: boolean } = {}) =>
    activeIn(await (opts.fresh ? cache.reload() : cache.get()));

  async function officeContacts(): Promise<string> {
    const names = (await activeEntries())
      .filter((d) => d.isOffice)
      .slice(0, 3)
      .map((d) => d.name);
    return names.length ? `人大办（${names.join('、')}）` : t('officeContactFallback');
  }

  /**
   * Finds one active deputy by exact name, userid, or a unique name prefix. A refusal is given only
   * on the roster as stored: the copy may not show a deputy added or removed through another instance.
   */
  async function findActive(nameOrId: string): Promise<RosterEntry> {
    const q = nameOrId.trim();
    const found = pickActive(await activeEntries(), q);
    if (found instanceof Refusal) {
      const again = pickActive(await activeEntries({ fresh: true }), q);
      if (again instanceof Refusal) throw again;
      return again;
    }
    return found;
  }

  const writes: RosterWriteContext = {
    Deputy,
    rules: o,
    configOffice,
    async writing(work) {
      try {
        return await work();
      } finally {
        cache.forget();
      }
    },
  };

  return {
    officeContacts,
    findActive,
    /** Drops this instance's roster copy (after a write made elsewhere, e.g. a bulk import). */
    forget: () => cache.forget(),

    /**
     * Who is writing. Not on the roster, or inactive, in the copy: read the roster now before refusing
     * (another instance may have just added them). `fresh` reads it now anyway (an office-only command
     * from someone the copy does not show as office staff).
     */
    resolveActor: (userid: string, opts: { fresh?: boolean } = {}) =>
      resolveActor({ cache, configOffice, contacts, officeContacts }, userid, opts),

    /** The units `userid` answers for (empty for anyone else): read again before saying none. */
    async unitsOf(userid: string, opts: { fresh?: boolean } = {}): Promise<string[]> {
      return (await contacts.contactOf(userid, opts))?.units ?? [];
    },

    /** The handling units' contacts (承办单位联系人): their upkeep by the office. */
    contacts,

    isConfigOffice: (userid: string) => configOffice.has(userid),

    upsertDeputy: (input: DeputyInput) => upsertDeputy(writes, input),
    ...createOfficeRoles({ ...writes, findActive }),

    async list(): Promise<RosterEntry[]> {
      // Fresh, not the cached copy: the office's own listing shows what is stored now.
      const all = await Deputy.find({}).sort({ active: -1, name: 1, _id: 1 }).lean();
      return all.map((d) => toRosterEntry(d as never));
    },

    /** Active deputies by name (office staff included); `fresh` when what is built from them is stored. */
    activeDeputies: activeEntries,

    /** The active deputies among `userids`, by userid; one missing from the copy is looked for in the roster as stored. */
    async activeByUserid(userids: string[]): Promise<Map<string, RosterEntry>> {
      const pick = (all: RosterEntry[]) =>
        new Map(all.filter((d) => userids.includes(d.userid)).map((d) => [d.userid, d]));
      const found = pick(await activeEntries());
      return found.size === new Set(userids).size ? found : pick(await activeEntries({ fresh: true }));
    },

    /** Names by userid. Someone missing from the copy (not OFFICE_USERIDS staff, who may be on no roster) reads it now. */
    async namesOf(userids: string[]): Promise<Map<string, string>> {
      let { byUserid } = await cache.get();
      if (userids.some((u) => !byUserid.has(u) && !configOffice.has(u))) ({ byUserid } = await cache.reload());
      const names = new Map<string, string>();
      for (const u of userids) {
        const e = byUserid.get(u);
        if (e) names.set(u, e.name);
      }
      return names;
    },
  };
}

export type Roster = ReturnType<typeof createRoster>;

/** One active deputy by exact name or userid, else a unique name prefix; the refusal otherwise. */
function pickActive(active: RosterEntry[], q: string): RosterEntry | Refusal<'roster.notFound' | 'roster.ambiguous'> {
  const exact = active.filter((d) => d.name === q || d.userid === q);
  if (exact.length === 1) return exact[0]!;
  const pool = exact.length > 1 ? exact : active.filter((d) => d.name.startsWith(q)).slice(0, 6);
  if (pool.length === 1) return pool[0]!;
  if (pool.length === 0) return new Refusal('roster.notFound', { name: q });
  return new Refusal('roster.ambiguous', { name: q, matches: pool.map((d) => ({ name: d.name, userid: d.userid })) });
}
