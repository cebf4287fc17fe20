import type { Collection } from 'mongodb';
import { groupCommit, unorderedOutcomes } from '../db/group-commit';
import type { Models } from '../models';
import type { AuditEntryDoc } from '../models/audit-entry';
import { perModel } from './memo';

type Model = Models['AuditEntry'];

/**
 * The operation log's rows (audit_entries), only ever inserted. Every writing request ends with its entries:
 * concurrent requests' entries share one insert through the driver (group commit), in the schema's stored types.
 */
function createAuditEntries(model: Model) {
  const rows = model.collection as unknown as Collection<AuditEntryDoc>;
  const insertEntries = groupCommit(
    async (batch: AuditEntryDoc[][]) => {
      const flat = batch.flat();
      const each = await unorderedOutcomes(flat.length, () => rows.insertMany(flat, { ordered: false }));
      // A request's entries are a run in the flat list: it failed if any of them did.
      let at = 0;
      return batch.map((entries) => {
        const mine = each.slice(at, (at += entries.length));
        return mine.find((o) => !o.ok) ?? { ok: true as const, value: undefined };
      });
    },
    { maxItems: 200 },
  );
  return {
    /** One request's entries, written together; rejects if any of them was not. */
    insert: (entries: AuditEntryDoc[]): Promise<void> => insertEntries(entries),
  };
}

export type AuditEntries = ReturnType<typeof createAuditEntries>;

export const auditEntries = perModel(createAuditEntries);
