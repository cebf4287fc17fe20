import { t } from '../../messages';
import { labelOf, ROSTER_FIELD_LABELS } from '../../contracts/labels';
import { maskSensitive } from '../../text/mask';
import { dayKey } from '../../time/zone';
import { ROSTER_FIELDS, type ParsedRoster } from './import-parse';
import type { SheetProblem } from './import-sheet';
import type { FieldChange, ImportPlan, RowUpdate, StoredDeputy } from './import-plan';

export interface ReportInput {
  file: string;
  parsed: ParsedRoster;
  plan: ImportPlan;
  apply: boolean;
  timezone: string;
  gbk?: boolean;
  applied?: { upserted: number; deactivated: number };
}

/** The import's console report: what is (or would be) added, changed, deactivated, and every row error. */
export function formatImportReport(r: ReportInput): string {
  const { plan, parsed } = r;
  const lines = [
    t('importHeader', { file: r.file, sheet: parsed.sheetName || '—', apply: r.apply && Boolean(r.applied) }),
  ];
  if (r.gbk) lines.push(t('importGbkNote'));
  if (parsed.ignoredHeaders.length)
    lines.push(t('importIgnoredColumns', { columns: parsed.ignoredHeaders.join('、') }));
  const missing = ROSTER_FIELDS.filter((f) => parsed.columns.length > 0 && !parsed.columns.includes(f)).map(
    (f) => ROSTER_FIELD_LABELS[f],
  );
  if (missing.length) lines.push(t('importMissingColumns', { columns: missing.join('、') }));
  const show = (v: FieldChange['to']) => showValue(v, r.timezone);
  if (plan.added.length) {
    lines.push(t('importAddedHeader', { count: plan.added.length }));
    for (const a of plan.added)
      lines.push(t('importAddedLine', { row: a.row, name: a.name, userid: a.userid, details: describeAdded(a, show) }));
  }
  if (plan.changed.length) {
    lines.push(t('importChangedHeader', { count: plan.changed.length }));
    for (const c of plan.changed) {
      const changes = c.changes
        .map((ch) =>
          t('importChange', { field: ROSTER_FIELD_LABELS[ch.field] ?? ch.field, from: show(ch.from), to: show(ch.to) }),
        )
        .join('；');
      lines.push(t('importChangedLine', { row: c.row, name: c.name, userid: c.userid, changes }));
    }
  }
  if (plan.unchanged) lines.push(t('importUnchanged', { count: plan.unchanged }));
  people(lines, t('importDeactivateHeader', { count: plan.deactivate.length }), plan.deactivate);
  people(lines, t('importMissingKeptHeader', { count: plan.missingKept.length }), plan.missingKept);
  people(lines, t('importOfficeKeptHeader', { count: plan.officeKept.length }), plan.officeKept);
  if (plan.errors.length) {
    lines.push(t('importErrorsHeader', { count: plan.errors.length }));
    for (const e of plan.errors) lines.push(t('importErrorLine', { row: e.row, message: e.message }));
  }
  lines.push(conclusion(r));
  return lines.join('\n');
}

function conclusion(r: ReportInput): string {
  if (r.plan.errors.length) return t('importBlocked');
  if (r.plan.added.length + r.plan.changed.length + r.plan.deactivate.length === 0) return t('importNothingToDo');
  if (!r.applied) return t('importDryRunDone');
  return t('importApplied', {
    added: r.plan.added.length,
    changed: r.plan.changed.length,
    deactivated: r.applied.deactivated,
  });
}

function people(lines: string[], header: string, list: StoredDeputy[]): void {
  if (!list.length) return;
  lines.push(header);
  for (const d of list) lines.push(t('importPersonLine', { name: d.name, userid: d.userid }));
}

function describeAdded(a: RowUpdate, show: (v: FieldChange['to']) => string): string {
  const bits = Object.entries(a.set)
    .filter(([f, v]) => f !== 'name' && v !== undefined)
    .map(([f, v]) => `${labelOf(ROSTER_FIELD_LABELS, f)}：${show(v)}`);
  return bits.length ? ` ${bits.join('，')}` : '';
}

/** Phone numbers are masked even here: the console output ends up in terminals and logs. */
function showValue(v: FieldChange['to'], tz: string): string {
  if (v === undefined || v === '') return t('importEmptyValue');
  if (typeof v === 'boolean') return v ? t('importActiveYes') : t('importActiveNo');
  if (v instanceof Date) return dayKey(v, tz);
  return maskSensitive(v);
}

/** Why a roster file was not read, in words for the person who uploaded it (console form, CLI). */
export function sheetProblemText(
  read: { problem: SheetProblem; detail?: string },
  limits: { maxUnpackedBytes: number; maxEntries: number; maxRows: number },
): string {
  switch (read.problem) {
    case 'unsupported':
      return t('importUnsupported', { ext: read.detail ?? '' });
    case 'unreadable':
      return t('importUnreadable', { detail: read.detail ?? '' });
    case 'tooLarge':
      return t('importTooLarge', {
        maxMb: Math.round(limits.maxUnpackedBytes / 1024 / 1024),
        maxEntries: limits.maxEntries,
      });
    case 'tooManyRows':
      return t('importTooManyRows', { max: limits.maxRows });
    case 'tooComplex':
      return t('importTooComplex');
  }
}
