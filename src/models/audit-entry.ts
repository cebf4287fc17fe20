import { AsyncLocalStorage } from 'node:async_hooks';
import { type Connection, type InferSchemaType, Schema } from 'mongoose';

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
  // A vote's entry names the voter and the ballot, never a choice.
  'Ballot',
  'Project',
] as const;
export type AuditedKind = (typeof AUDITED_KINDS)[number];

/** A record a use case changed, as it names it. */
export interface AuditTouch {
  kind: AuditedKind;
  /** The record's code as the office knows it (YJ2026-001, HD2026-003…), a deputy's userid, a station's name. */
  code: string;
  op: AuditEntryDoc['op'];
  /** The opinion timeline step the write appended, if any. */
  step?: string;
}

/** Who is acting, set by the door (chat dispatcher, card door, console guard, job run) around one request. */
export interface AuditScope {
  record(touch: AuditTouch): Promise<void>;
}

export const auditScope = new AsyncLocalStorage<AuditScope>();

/**
 * Each use case's entry: called right after its guarded write took effect, naming the record it changed from what
 * the use case already holds. The door's scope (`services.audit.within`) adds who, through which door, and when;
 * outside a scope (a script) nothing is recorded.
 */
export async function recordWrite(touch: AuditTouch): Promise<void> {
  await auditScope.getStore()?.record(touch);
}
