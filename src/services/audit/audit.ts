import type { Clock } from '../../clock';
import type { Models } from '../../models';
import { type AuditEntryDoc, type AuditTouch, auditScope } from '../../models/audit-entry';
import { t } from '../../messages';
import { auditEntries } from '../../repositories';
import { escapeRegex } from '../../text/normalize';

export interface AuditDeps {
  models: Models;
  clock: Clock;
}

/** Who acts through a door, and how the door names the action when the write itself does not say. */
export interface AuditActor {
  actor: { userid: string; name: string };
  via: 'chat' | 'card' | 'console' | 'job';
  what: string;
}

export interface AuditQuery {
  /** A userid or an exact name. */
  person?: string;
  code?: string;
  /** Inclusive UTC bounds. */
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

export type AuditEntry = AuditEntryDoc;

/**
 * The operation log (操作日志): each use case reports the record its write changed (`recordWrite`, right after the
 * guarded write took effect) inside `within`, which inserts the entries — and the console reads them. Entries are only ever inserted; nothing edits them, and the
 * retention clean-up does not touch the collection (kept well beyond the 3 years asked).
 */
export function createAudit(d: AuditDeps) {
  const { AuditEntry, Deputy } = d.models;
  const entries = auditEntries(AuditEntry);

  /**
   * Runs one request (a chat command, a console write) with its writes recorded as this person's: the use
   * cases' `recordWrite` calls are collected, and the entries are written together once the request is over (one insert,
   * whether it ended in a reply or a refusal after a write).
   */
  async function within<T>(who: AuditActor, fn: () => Promise<T>): Promise<T> {
    const touched: Array<AuditTouch & { at: Date }> = [];
    try {
      return await auditScope.run(
        {
          record: (touch: AuditTouch) => {
            touched.push({ ...touch, at: d.clock.now() });
            return Promise.resolve();
          },
        },
        fn,
      );
    } finally {
      if (touched.length > 0)
        await entries.insert(
          touched.map((touch) => ({
            at: touch.at,
            actor: { userid: who.actor.userid, name: who.actor.name },
            via: who.via,
            what: touch.step ? t('actionLabel', { action: touch.step }) : who.what,
            kind: touch.kind,
            code: touch.code,
            op: touch.op,
          })),
        );
    }
  }

  async function search(q: AuditQuery): Promise<{ total: number; items: AuditEntry[] }> {
    const filter: Record<string, unknown> = {};
    if (q.person) {
      const byName = await Deputy.find({ name: q.person }, { userid: 1 }).lean<Array<{ userid: string }>>();
      filter['actor.userid'] = { $in: [q.person, ...byName.map((p) => p.userid)] };
    }
    if (q.code) filter.code = { $regex: `^${escapeRegex(q.code)}$`, $options: 'i' };
    if (q.from || q.to) filter.at = { ...(q.from ? { $gte: q.from } : {}), ...(q.to ? { $lte: q.to } : {}) };
    const [total, items] = await Promise.all([
      AuditEntry.countDocuments(filter),
      AuditEntry.find(filter, { _id: 0 })
        .sort({ at: -1, _id: -1 })
        .skip((q.page - 1) * q.pageSize)
        .limit(q.pageSize)
        .lean<AuditEntry[]>(),
    ]);
    return { total, items };
  }

  return { within, search };
}

export type Audit = ReturnType<typeof createAudit>;
