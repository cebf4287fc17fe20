import type { Models } from '../../models';
import { recordWrite } from '../../models/audit-entry';
import type { ImportPlan, StoredDeputy } from './import-plan';
import { toRosterEntry } from './roster-entry';

/** Reads the roster for an import diff and writes a validated plan (each write idempotent). */
export function createRosterImportStore(models: Models) {
  const { Deputy } = models;

  async function snapshot(): Promise<StoredDeputy[]> {
    const docs = await Deputy.find({}).lean();
    return docs.map((d) => toRosterEntry(d as never));
  }

  /**
   * Writes a plan that has no errors. Every write states its end state (upsert by userid, deactivate
   * only if still active), so a run interrupted half-way is completed by running the import again.
   */
  async function apply(plan: ImportPlan): Promise<{ upserted: number; deactivated: number }> {
    if (plan.errors.length) throw new Error('refusing to apply an import plan with errors');
    let deactivated = 0;
    for (const d of plan.deactivate) {
      const res = await Deputy.updateOne(
        { userid: d.userid, active: true, isOffice: { $ne: true } },
        { $set: { active: false } },
      );
      deactivated += res.modifiedCount;
      if (res.modifiedCount > 0) await recordWrite({ kind: 'Deputy', code: d.userid, op: 'update' });
    }
    let upserted = 0;
    for (const row of [...plan.added, ...plan.changed]) {
      const $set: Record<string, unknown> = { active: true };
      const $unset: Record<string, ''> = {};
      for (const [field, value] of Object.entries(row.set)) {
        if (value === undefined) $unset[field] = '';
        else $set[field] = value;
      }
      const update: Record<string, unknown> = { $set, $setOnInsert: { isOffice: false } };
      if (Object.keys($unset).length) update.$unset = $unset;
      const res = await Deputy.updateOne({ userid: row.userid }, update, { upsert: true });
      upserted += 1;
      if (res.upsertedCount > 0) await recordWrite({ kind: 'Deputy', code: row.userid, op: 'create' });
      else if (res.modifiedCount > 0) await recordWrite({ kind: 'Deputy', code: row.userid, op: 'update' });
    }
    return { upserted, deactivated };
  }

  return { snapshot, apply };
}

export type RosterImportStore = ReturnType<typeof createRosterImportStore>;
