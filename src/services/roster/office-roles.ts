import { refuse } from '../../refusals';
import { recordWrite } from '../../models/audit-entry';
import type { RosterEntry, RosterWriteContext } from './roster-entry';

/** Deactivating a deputy and the office role: never oneself, never the last office member. */
export function createOfficeRoles(c: RosterWriteContext & { findActive(nameOrId: string): Promise<RosterEntry> }) {
  const { configOffice, findActive } = c;

  async function deactivate(nameOrId: string, by: string): Promise<RosterEntry> {
    const d = await findActive(nameOrId);
    if (d.userid === by) refuse('roster.cannotDeactivateSelf', {});
    if (d.isOffice) await assertNotLastOffice(d.userid);
    if (!(await leaveRoster(d.userid, 'active'))) refuse('roster.alreadyInactive', { name: d.name });
    return { ...d, active: false };
  }

  async function setOffice(nameOrId: string, on: boolean): Promise<RosterEntry> {
    // Office staff named in OFFICE_USERIDS may not be on the roster at all: say where their role comes from.
    if (!on && configOffice.has(nameOrId.trim())) refuse('roster.officeFromConfig', { name: nameOrId.trim() });
    const d = await findActive(nameOrId);
    if (on) {
      const res = await c.writing(() =>
        c.Deputy.updateOne({ userid: d.userid, isOffice: { $ne: true } }, { $set: { isOffice: true } }),
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
  }

  /**
   * Clears `active` or `isOffice` (guarded on it being set); false when it was already clear.
   * "Never the last office member" spans documents, which no single filter can guard, and we use no
   * transactions: so write first, re-count, and undo if nobody is left in the office. Of two
   * concurrent removals of the last two members at most one stands (both may be undone).
   */
  async function leaveRoster(userid: string, field: 'active' | 'isOffice'): Promise<boolean> {
    return c.writing(() => leaveRosterGuarded(userid, field));
  }

  async function leaveRosterGuarded(userid: string, field: 'active' | 'isOffice'): Promise<boolean> {
    const before = await c.Deputy.findOneAndUpdate(
      { userid, [field]: true },
      { $set: { [field]: false } },
      { returnDocument: 'before' },
    ).lean();
    if (!before) return false;
    await recordWrite({ kind: 'Deputy', code: userid, op: 'update' });
    const wasOffice = before.isOffice === true && before.active !== false;
    if (!wasOffice || configOffice.size > 0 || (await c.Deputy.countDocuments({ active: true, isOffice: true })) > 0)
      return true;
    // Undone: that is a write too (the entry stays, as the refusal's own).
    const undone = await c.Deputy.updateOne({ userid, [field]: false }, { $set: { [field]: true } });
    if (undone.modifiedCount > 0) await recordWrite({ kind: 'Deputy', code: userid, op: 'update' });
    refuse('roster.officeConcurrent', {});
  }

  async function assertNotLastOffice(userid: string): Promise<void> {
    const others = await c.Deputy.countDocuments({ active: true, isOffice: true, userid: { $ne: userid } });
    const configOthers = [...configOffice].filter((u) => u !== userid).length;
    if (others + configOthers === 0) refuse('roster.lastOffice', {});
  }

  return { deactivate, setOffice };
}
