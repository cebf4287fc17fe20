import { t } from '../../messages';
import type { RosterEntry } from './roster-entry';
import { type ImportRow, type ParsedRoster, ROSTER_FIELDS, type RosterField, type RowError } from './import-parse';

// Pure diff of a parsed roster file against the stored roster: what an import would add, change, deactivate.

/** The stored side of the diff: a roster entry as the roster service defines it. */
export type StoredDeputy = RosterEntry;

export type ImportValue = string | Date | undefined;
export interface FieldChange {
  field: RosterField | 'active';
  from: ImportValue | boolean;
  to: ImportValue | boolean;
}

export interface RowUpdate {
  row: number;
  userid: string;
  name: string;
  /** Fields to store; undefined values are cleared (the column is in the file, the cell is empty). */
  set: Partial<Record<RosterField, ImportValue>>;
  changes: FieldChange[];
}

export interface ImportPlan {
  added: RowUpdate[];
  changed: RowUpdate[];
  unchanged: number;
  /** Active deputies absent from the file that --deactivate-missing will deactivate. */
  deactivate: StoredDeputy[];
  /** Active deputies absent from the file that stay as they are (no --deactivate-missing). */
  missingKept: StoredDeputy[];
  /** Office staff absent from the file: never deactivated by an import. */
  officeKept: StoredDeputy[];
  errors: RowError[];
}

const COMPARED: RosterField[] = ['name', 'level', 'group', 'station', 'district', 'phone', 'termStart', 'termEnd'];

function same(a: ImportValue, b: ImportValue): boolean {
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  return (a ?? '') === (b ?? '');
}

/** Compares the file with the stored roster; name clashes with deputies who stay active become row errors. */
export function planImport(
  parsed: ParsedRoster,
  stored: StoredDeputy[],
  o: { deactivateMissing: boolean; officeUserIds: readonly string[] },
): ImportPlan {
  const byId = new Map(stored.map((d) => [d.userid, d]));
  const inFile = new Set(parsed.rows.map((r) => r.userid));
  const written = ROSTER_FIELDS.filter((f) => f !== 'userid' && parsed.columns.includes(f));
  const plan: ImportPlan = {
    added: [],
    changed: [],
    unchanged: 0,
    deactivate: [],
    missingKept: [],
    officeKept: [],
    errors: [...parsed.errors],
  };

  for (const d of stored) {
    if (!d.active || inFile.has(d.userid)) continue;
    if (d.isOffice || o.officeUserIds.includes(d.userid)) plan.officeKept.push(d);
    else if (o.deactivateMissing) plan.deactivate.push(d);
    else plan.missingKept.push(d);
  }

  // Active names must stay unique: the file's rows plus whoever stays active outside the file.
  const staying = new Map([...plan.missingKept, ...plan.officeKept].map((d) => [d.name, d.userid]));
  for (const row of parsed.rows) {
    const clash = staying.get(row.name);
    if (clash) {
      plan.errors.push({ row: row.row, message: t('importNameTaken', { name: row.name, userid: clash }) });
      continue;
    }
    const before = byId.get(row.userid);
    const set = Object.fromEntries(written.map((f) => [f, row[f as keyof ImportRow]])) as RowUpdate['set'];
    if (!before) {
      plan.added.push({ row: row.row, userid: row.userid, name: row.name, set, changes: [] });
      continue;
    }
    const changes: FieldChange[] = written
      .filter((f) => COMPARED.includes(f) && !same(before[f as keyof StoredDeputy] as ImportValue, set[f]))
      .map((f) => ({ field: f, from: before[f as keyof StoredDeputy] as ImportValue, to: set[f] }));
    if (!before.active) changes.push({ field: 'active', from: false, to: true });
    if (changes.length) plan.changed.push({ row: row.row, userid: row.userid, name: row.name, set, changes });
    else plan.unchanged += 1;
  }
  plan.errors.sort((a, b) => a.row - b.row);
  return plan;
}

/** Whether applying would write anything. */
export function planHasWrites(plan: ImportPlan): boolean {
  return plan.added.length + plan.changed.length + plan.deactivate.length > 0;
}
