import { isDeepStrictEqual } from 'node:util';
import type { Collection, Document } from 'mongodb';
import { AUDITED_KINDS } from '../../src/models/audit-entry';
import type { Harness } from './harness';

/**
 * The audit oracle: what a step really changed in the audited collections, read from the database before and
 * after it, next to the 操作日志 entries the step added. A test drives one step through a real door (a chat
 * message, a console call, a card tap, a scheduler tick) and checks that the entries name exactly the records
 * that changed — no write left unrecorded, no entry for a write that did not take effect.
 */

export { AUDITED_KINDS };

export type AuditOp = 'create' | 'update' | 'delete';

/** One audited record touched by a step, written `Kind code op` so a failing comparison reads as a list. */
export type Touch = `${string} ${string} ${AuditOp}`;

/** An entry as the 操作日志 stores it, without its time. */
export interface StepEntry {
  actor: { userid: string; name: string };
  via: string;
  what: string;
  kind: string;
  code: string;
  op: AuditOp;
}

export interface StepAudit<T> {
  /** What the step returned (a reply, a response, a tap's answer). */
  result: T;
  /** The records whose stored document was created, changed or deleted by the step, sorted. */
  changed: Touch[];
  /** The (kind, code, op) of the entries the step added, sorted; an update of a record the step created is folded into its create. */
  recorded: Touch[];
  /** The entries the step added, in the order they were inserted. */
  entries: StepEntry[];
}

type Snapshot = Map<string, { code: string; doc: Document }>;

/** The record's name as the office knows it: its code, else a deputy's userid, a station's name, else the document id. */
function codeOf(doc: Document): string {
  for (const key of ['code', 'userid', 'name'] as const) {
    const v: unknown = doc[key];
    if (typeof v === 'string' || typeof v === 'number') return String(v);
  }
  return String(doc._id);
}

function collectionOf(h: Harness, kind: string): Collection {
  const model = h.db.connection.models[kind];
  if (!model) throw new Error(`no model ${kind} on the test connection`);
  return model.collection as unknown as Collection;
}

async function snapshot(h: Harness, kind: string): Promise<Snapshot> {
  const docs = await collectionOf(h, kind).find({}).toArray();
  return new Map(docs.map((doc) => [String(doc._id), { code: codeOf(doc), doc }]));
}

function diff(kind: string, before: Snapshot, after: Snapshot): Touch[] {
  const out: Touch[] = [];
  for (const [id, now] of after) {
    const was = before.get(id);
    if (!was) out.push(`${kind} ${now.code} create`);
    else if (!isDeepStrictEqual(was.doc, now.doc)) out.push(`${kind} ${now.code} update`);
  }
  for (const [id, was] of before) if (!after.has(id)) out.push(`${kind} ${was.code} delete`);
  return out;
}

/**
 * The entries' touches as a set. Several writes to one record in one step give several entries (a claim, then its
 * outcome): the set names the record once per op, and an update of a record the step created (or deletes) shows
 * in the snapshots only as the create (or the delete).
 */
function touchesOf(entries: StepEntry[]): Touch[] {
  const set = new Set(entries.map((e): Touch => `${e.kind} ${e.code} ${e.op}`));
  for (const e of entries)
    if (e.op === 'update' && (set.has(`${e.kind} ${e.code} create`) || set.has(`${e.kind} ${e.code} delete`)))
      set.delete(`${e.kind} ${e.code} update`);
  return [...set].sort();
}

/**
 * Runs `step` between two snapshots of the audited collections and of the 操作日志. `kinds` narrows the collections
 * read (the default: every audited kind). A step whose writes continue after it returns (an outbox drain) should
 * include the wait in `step`.
 */
export async function auditStep<T>(
  h: Harness,
  step: () => Promise<T>,
  kinds: readonly string[] = AUDITED_KINDS,
): Promise<StepAudit<T>> {
  const log = collectionOf(h, 'AuditEntry');
  const before = new Map(await Promise.all(kinds.map(async (k) => [k, await snapshot(h, k)] as const)));
  const seen = new Set((await log.find({}, { projection: { _id: 1 } }).toArray()).map((e) => String(e._id)));
  const result = await step();
  const after = new Map(await Promise.all(kinds.map(async (k) => [k, await snapshot(h, k)] as const)));
  const changed = kinds.flatMap((k) => diff(k, before.get(k)!, after.get(k)!)).sort();
  const added = (await log.find({}).sort({ _id: 1 }).toArray()).filter((e) => !seen.has(String(e._id)));
  const entries = added
    .filter((e) => kinds.includes(String(e.kind)))
    .map((e): StepEntry => ({
      actor: { userid: String(e.actor.userid), name: String(e.actor.name) },
      via: String(e.via),
      what: String(e.what),
      kind: String(e.kind),
      code: String(e.code),
      op: e.op as AuditOp,
    }));
  return { result, changed, recorded: touchesOf(entries), entries };
}

/**
 * Runs `step` and fails unless its 操作日志 entries name exactly the records it changed. Returns the audit so the
 * test can also check who, via and what, and what the step answered.
 */
export async function expectAudited<T>(
  h: Harness,
  step: () => Promise<T>,
  kinds: readonly string[] = AUDITED_KINDS,
): Promise<StepAudit<T>> {
  const audit = await auditStep(h, step, kinds);
  expect({ recorded: audit.recorded }).toEqual({ recorded: audit.changed });
  return audit;
}
