import { AsyncLocalStorage } from 'node:async_hooks';
import { type Connection, type InferSchemaType, type Query, Schema } from 'mongoose';

const actorSchema = new Schema(
  { userid: { type: String, required: true }, name: { type: String, required: true } },
  { _id: false },
);

/** One write to a record, from the chat or the console: who, when, what, on which record. Never edited. */
const auditEntrySchema = new Schema(
  {
    at: { type: Date, required: true },
    // A required sub-schema (not a nested path) so the inferred row has the actor, not `actor?: … | null`.
    actor: { type: actorSchema, required: true },
    via: { type: String, enum: ['chat', 'card', 'console', 'job'] as const, required: true },
    /** The step in the office's words: the opinion step (交办, 答复…), the command word, or the console action. */
    what: { type: String, required: true },
    /** The collection's model name (Opinion, Activity, Deputy…). */
    kind: { type: String, required: true },
    /** The record's code (YJ2026-001, HD2026-003…), a deputy's userid, or the document id. */
    code: { type: String, required: true },
    op: { type: String, enum: ['create', 'update', 'delete'] as const, required: true },
  },
  { collection: 'audit_entries', versionKey: false },
);
// The page's filters: by date, by person, by record; each newest first.
auditEntrySchema.index({ at: -1 });
auditEntrySchema.index({ 'actor.userid': 1, at: -1 });
auditEntrySchema.index({ code: 1, at: -1 });

/** An entry as stored (src/repositories/audit-entries.ts writes it through the driver). */
export type AuditEntryDoc = InferSchemaType<typeof auditEntrySchema>;

export function auditEntryModel(conn: Connection) {
  return conn.model('AuditEntry', auditEntrySchema);
}

/** A touched record, as the write hooks see it. */
export interface AuditTouch {
  kind: string;
  code: string;
  op: AuditEntryDoc['op'];
  /** The opinion timeline step the write appended, if any. */
  step?: string;
}

/** Who is acting, set by the door (chat dispatcher, console guard) around one request; `record` is the audit service's. */
export interface AuditScope {
  record(touch: AuditTouch): Promise<void>;
}

export const auditScope = new AsyncLocalStorage<AuditScope>();

/** The records people change; the bot's own bookkeeping (outbox, sessions, counters, job runs) is not audited. */
export const AUDITED_KINDS = [
  'Opinion',
  'Activity',
  'Meeting',
  'Shift',
  'Station',
  'Deputy',
  'Announcement',
  'StudyItem',
  'StudyQueue',
  // A vote's entry names the voter and the ballot, never a choice (the hook records no update contents).
  'Ballot',
  'Project',
] as const;
const AUDITED = new Set<string>(AUDITED_KINDS);

type Plain = Record<string, unknown>;
const keyOf = (o: Plain | null | undefined): string | undefined => {
  if (!o) return undefined;
  for (const k of ['code', 'userid', '_id']) {
    const v = o[k];
    if (typeof v === 'string' || typeof v === 'number') return String(v);
    if (v && typeof v === 'object' && typeof (v as { toHexString?: unknown }).toHexString === 'function')
      return String(v);
  }
  return undefined;
};

/** The opinion step a `$push: { timeline: … }` appends (the last one when several). */
function stepOf(update: unknown): string | undefined {
  const push = (update as { $push?: { timeline?: unknown } } | null)?.$push?.timeline;
  if (!push || typeof push !== 'object') return undefined;
  const each = (push as { $each?: unknown[] }).$each;
  const last = (Array.isArray(each) ? each[each.length - 1] : push) as { action?: unknown } | undefined;
  return typeof last?.action === 'string' ? last.action : undefined;
}

/**
 * The kinds whose writes the hooks below still notice. A kind whose use cases record their entries explicitly
 * (`recordWrite` after the guarded write that took effect, naming the record's code) joins EXPLICIT and leaves
 * this set; once it is empty the hooks go.
 */
const EXPLICIT = new Set<string>([
  'Opinion',
  'Ballot',
  'Project',
  'Activity',
  'Meeting',
  'Shift',
  'Station',
  'Deputy',
  'Announcement',
  'StudyItem',
  'StudyQueue',
]);
const HOOKED = new Set<string>(AUDITED_KINDS.filter((kind) => !EXPLICIT.has(kind)));
/**
 * Reports a write that took effect to the door's scope, if there is one and the kind is audited. The hooks below
 * call it; so does a write sent through the driver (a group commit), which mongoose's hooks never see.
 */
export async function recordWrite(touch: AuditTouch): Promise<void> {
  const scope = auditScope.getStore();
  if (scope && AUDITED.has(touch.kind)) await scope.record(touch);
}

const UPDATES = ['findOneAndUpdate', 'updateOne', 'updateMany', 'replaceOne'] as const;
const DELETES = ['findOneAndDelete', 'deleteOne', 'deleteMany'] as const;

/**
 * The one place writes are noticed: after a write that took effect (a guarded update that matched,
 * an insert), inside a door's scope, the scope's recorder is awaited. Outside a scope (jobs, scripts) nothing happens.
 */
export function auditPlugin(schema: Schema): void {
  async function afterQuery(this: Query<unknown, unknown>, res: unknown, op: AuditTouch['op'], single: boolean) {
    const scope = auditScope.getStore();
    if (!scope || !HOOKED.has(this.model.modelName)) return;
    const r = res as Plain | null;
    // An upsert that returns the document as it was before gives null when it inserted: a write all the same.
    const took = single
      ? (r !== null && r !== undefined) || this.getOptions().upsert === true
      : Number(r?.modifiedCount ?? 0) + Number(r?.upsertedCount ?? 0) + Number(r?.deletedCount ?? 0) > 0;
    if (!took) return;
    let code = (single ? keyOf(r) : undefined) ?? keyOf(this.getFilter() as Plain) ?? '';
    if (!code) return;
    // A write by _id alone (the jobs' guarded updates): name the record by its code, as the office knows it.
    const filter = this.getFilter() as Plain;
    if (!single && filter._id !== undefined && code === String(filter._id) && op !== 'delete') {
      const doc = await this.model.findOne({ _id: filter._id }, { code: 1, userid: 1 }).lean<Plain>();
      code = keyOf(doc) ?? code;
    }
    await scope.record({ kind: this.model.modelName, code, op, step: stepOf(this.getUpdate()) });
  }
  for (const name of UPDATES)
    schema.post(name, async function (this: Query<unknown, unknown>, res: unknown) {
      await afterQuery.call(this, res, 'update', name === 'findOneAndUpdate');
    });
  for (const name of DELETES)
    schema.post(name, async function (this: Query<unknown, unknown>, res: unknown) {
      await afterQuery.call(this, res, 'delete', name === 'findOneAndDelete');
    });
  schema.pre('save', function () {
    this.$locals.auditNew = this.isNew;
  });
  schema.post('save', async function (doc) {
    const kind = (doc.constructor as { modelName?: string }).modelName;
    if (!auditScope.getStore() || !kind || !HOOKED.has(kind)) return;
    const code = keyOf(doc.toObject() as Plain);
    if (code) await recordWrite({ kind, code, op: doc.$locals.auditNew ? 'create' : 'update' });
  });
  schema.post('insertMany', async function (docs: unknown) {
    const scope = auditScope.getStore();
    const kind = (this as unknown as { modelName?: string }).modelName;
    if (!scope || !kind || !HOOKED.has(kind) || !Array.isArray(docs)) return;
    for (const d of docs as Array<{ toObject?: () => Plain }>) {
      const code = keyOf(d.toObject ? d.toObject() : (d as Plain));
      if (code) await scope.record({ kind, code, op: 'create' });
    }
  });
}
