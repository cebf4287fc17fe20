import type { Models } from '../../models';
import { Refusal, refuse } from '../../refusals';
import { t } from '../../messages';
import type { Actor } from './actor';
import {
  checkDeputyFields,
  type DeputyFieldProblem,
  normalizeGroup,
  normalizeLevel,
  normalizePhone,
  type RosterRules,
} from './rules';
import { isDuplicateKey } from '../../models/duplicate-key';
import { recordWrite } from '../../models/audit-entry';
import { type Clock, systemClock } from '../../clock';
import { createRosterCache } from './roster-cache';
import { createUnitContacts } from './unit-contacts';

export interface RosterEntry {
  userid: string;
  name: string;
  level: string;
  group?: string;
  station?: string;
  district?: string;
  phone?: string;
  termStart?: Date;
  termEnd?: Date;
  active: boolean;
  isOffice: boolean;
}

export type ActorLookup =
  { ok: true; actor: Actor } | { ok: false; reason: 'not_on_roster' | 'inactive'; contacts: string };

export interface RosterOptions {
  models: Models;
  officeUserIds: string[];
  levels: readonly string[];
  groups: readonly string[];
  /** Ages the per-instance roster copy (the injected clock in tests). */
  clock?: Clock;
  cacheMs?: number;
}

/** A stored deputy document as a roster entry (defaults applied). */
export function toRosterEntry(d: Record<string, unknown>): RosterEntry {
  return {
    userid: String(d.userid),
    name: String(d.name),
    level: String(d.level ?? '镇'),
    group: (d.group as string | undefined) ?? undefined,
    station: (d.station as string | undefined) ?? undefined,
    district: (d.district as string | undefined) ?? undefined,
    phone: (d.phone as string | undefined) ?? undefined,
    termStart: (d.termStart as Date | undefined) ?? undefined,
    termEnd: (d.termEnd as Date | undefined) ?? undefined,
    active: d.active !== false,
    isOffice: d.isOffice === true,
  };
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

  /** Runs a roster write and drops the cached copy, whatever the outcome. */
  async function writing<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } finally {
      cache.forget();
    }
  }

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
    async resolveActor(userid: string, opts: { fresh?: boolean } = {}): Promise<ActorLookup> {
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
    },

    /** The units `userid` answers for (empty for anyone else): read again before saying none. */
    async unitsOf(userid: string, opts: { fresh?: boolean } = {}): Promise<string[]> {
      return (await contacts.contactOf(userid, opts))?.units ?? [];
    },

    /** The handling units' contacts (承办单位联系人): their upkeep by the office. */
    contacts,

    isConfigOffice: (userid: string) => configOffice.has(userid),

    /**
     * Adds or updates a deputy (re-activating a deactivated one). Returns what happened. The console's form
     * also sets contact fields and says whether it adds (`expect: 'new'`: an existing userid is refused) or
     * edits (`expect: 'existing'`: an unknown one is refused); the chat's `代表 添加` does either.
     */
    async upsertDeputy(input: {
      userid: string;
      name: string;
      level?: string;
      group?: string;
      phone?: string;
      station?: string;
      district?: string;
      expect?: 'new' | 'existing';
    }): Promise<{ entry: RosterEntry; outcome: 'added' | 'updated' | 'reactivated' }> {
      const name = input.name.trim();
      const level = input.level ? normalizeLevel(input.level) : undefined;
      const group = input.group ? normalizeGroup(input.group, o.groups) : undefined;
      const phone = input.phone?.trim() ? normalizePhone(input.phone) : undefined;
      const problem = checkDeputyFields({ userid: input.userid, name, level, group, phone }, o);
      if (problem) throw problemToRefusal(problem, o);
      const clash = await Deputy.findOne({ name, active: true, userid: { $ne: input.userid } }).lean();
      if (clash) refuse('roster.nameTaken', { name, userid: clash.userid });
      const set: Record<string, unknown> = { name, active: true };
      if (level) set.level = level;
      if (group) set.group = group;
      // The form sends every contact field: an emptied one is cleared.
      const unset: Record<string, ''> = {};
      for (const [field, value] of Object.entries({ phone, station: input.station, district: input.district })) {
        if (input[field as 'phone' | 'station' | 'district'] === undefined) continue;
        const v = value?.trim();
        if (v) set[field] = v;
        else unset[field] = '';
      }
      // What the form expects decides the write: an insert that a taken userid refuses (add), an update that
      // an unknown userid matches nothing with (edit), or the chat's upsert (either).
      let before: Record<string, unknown> | null;
      try {
        before = await writing(() =>
          input.expect === 'new'
            ? Deputy.create({ ...set, userid: input.userid }).then(() => null)
            : Deputy.findOneAndUpdate(
                { userid: input.userid },
                {
                  $set: set,
                  ...(Object.keys(unset).length ? { $unset: unset } : {}),
                  ...(input.expect === 'existing' ? {} : { $setOnInsert: { userid: input.userid } }),
                },
                { upsert: input.expect !== 'existing', returnDocument: 'before' },
              ).lean(),
        );
      } catch (err) {
        if (input.expect === 'new' && isDuplicateKey(err)) refuse('roster.exists', { userid: input.userid });
        throw err;
      }
      if (input.expect === 'existing' && !before) refuse('roster.useridUnknown', { userid: input.userid });
      const outcome = !before ? 'added' : before.active === false ? 'reactivated' : 'updated';
      await recordWrite({ kind: 'Deputy', code: input.userid, op: before ? 'update' : 'create' });
      // What the update made of it, without reading it back.
      const { _id: _ignored, ...kept } = (before ?? {}) as Record<string, unknown>;
      for (const field of Object.keys(unset)) delete kept[field];
      return { entry: toRosterEntry({ ...kept, userid: input.userid, ...set }), outcome };
    },

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

    async deactivate(nameOrId: string, by: string): Promise<RosterEntry> {
      const d = await findActive(nameOrId);
      if (d.userid === by) refuse('roster.cannotDeactivateSelf', {});
      if (d.isOffice) await assertNotLastOffice(d.userid);
      if (!(await leaveRoster(d.userid, 'active'))) refuse('roster.alreadyInactive', { name: d.name });
      return { ...d, active: false };
    },

    async setOffice(nameOrId: string, on: boolean): Promise<RosterEntry> {
      // Office staff named in OFFICE_USERIDS may not be on the roster at all: say where their role comes from.
      if (!on && configOffice.has(nameOrId.trim())) refuse('roster.officeFromConfig', { name: nameOrId.trim() });
      const d = await findActive(nameOrId);
      if (on) {
        const res = await writing(() =>
          Deputy.updateOne({ userid: d.userid, isOffice: { $ne: true } }, { $set: { isOffice: true } }),
        );
        if (res.modifiedCount === 0) refuse('roster.officeAlready', { name: d.name });
        await recordWrite({ kind: 'Deputy', code: d.userid, op: 'update' });
        return { ...d, isOffice: true };
      }
      if (configOffice.has(d.userid)) refuse('roster.officeFromConfig', { name: d.name });
      if (!d.isOffice) refuse('roster.officeNot', { name: d.name });
      await assertNotLastOffice(d.userid);
      if (!(await leaveRoster(d.userid, 'isOffice'))) refuse('roster.officeNot', { name: d.name });
      return { ...d, isOffice: false };
    },
  };

  /**
   * Clears `active` or `isOffice` (guarded on it being set); false when it was already clear.
   * "Never the last office member" spans documents, which no single filter can guard, and we use no
   * transactions: so write first, re-count, and undo if nobody is left in the office. Of two
   * concurrent removals of the last two members at most one stands (both may be undone).
   */
  async function leaveRoster(userid: string, field: 'active' | 'isOffice'): Promise<boolean> {
    return writing(() => leaveRosterGuarded(userid, field));
  }

  async function leaveRosterGuarded(userid: string, field: 'active' | 'isOffice'): Promise<boolean> {
    const before = await Deputy.findOneAndUpdate(
      { userid, [field]: true },
      { $set: { [field]: false } },
      { returnDocument: 'before' },
    ).lean();
    if (!before) return false;
    await recordWrite({ kind: 'Deputy', code: userid, op: 'update' });
    const wasOffice = before.isOffice === true && before.active !== false;
    if (!wasOffice || configOffice.size > 0 || (await Deputy.countDocuments({ active: true, isOffice: true })) > 0)
      return true;
    // Undone: that is a write too (the entry stays, as the refusal's own).
    const undone = await Deputy.updateOne({ userid, [field]: false }, { $set: { [field]: true } });
    if (undone.modifiedCount > 0) await recordWrite({ kind: 'Deputy', code: userid, op: 'update' });
    refuse('roster.officeConcurrent', {});
  }

  async function assertNotLastOffice(userid: string): Promise<void> {
    const others = await Deputy.countDocuments({ active: true, isOffice: true, userid: { $ne: userid } });
    const configOthers = [...configOffice].filter((u) => u !== userid).length;
    if (others + configOthers === 0) refuse('roster.lastOffice', {});
  }
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

/** The refusal for a field that breaks the roster rules (the import words its row errors itself). */
function problemToRefusal(p: DeputyFieldProblem, rules: RosterRules): Refusal {
  switch (p.field) {
    case 'userid':
      return new Refusal('roster.badUserid', { userid: p.value });
    case 'name':
      return new Refusal('roster.badName', {});
    case 'level':
      return new Refusal('roster.badLevel', { levels: [...rules.levels] });
    case 'group':
      return new Refusal('roster.badGroup', { groups: [...rules.groups] });
    case 'phone':
      return new Refusal('roster.badPhone', { phone: p.value });
  }
}
