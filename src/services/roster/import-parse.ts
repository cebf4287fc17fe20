import { t } from '../../messages';
import type { RosterEntry } from './roster-entry';
import { toHalfWidth } from '../../text/normalize';
import { fromWallTime, isValidYmd, type Ymd } from '../../time/zone';
import type { Sheet, SheetCell } from './import-sheet';
import {
  checkDeputyFields,
  type DeputyFieldProblem,
  normalizeGroup,
  normalizeLevel,
  normalizePhone,
  type RosterRules,
} from './rules';

// Pure part of the bulk roster import: find the header, read and validate rows. Diffing is in roster-import-plan.ts.

export const ROSTER_FIELDS = [
  'userid',
  'name',
  'level',
  'group',
  'station',
  'district',
  'phone',
  'termStart',
  'termEnd',
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

/** Header spellings seen in township rosters, compared after normalizeHeader. */
const HEADER_ALIASES: Record<RosterField, string[]> = {
  userid: [
    '企业微信账号',
    '企业微信帐号',
    '企业微信id',
    '企业微信userid',
    '企业微信号',
    '企微账号',
    '账号',
    '帐号',
    '成员账号',
    'userid',
    'wecomid',
    'id',
  ],
  name: ['姓名', '代表姓名', '名字'],
  level: ['层级', '代表层级', '级别', '代表级别'],
  group: ['专业小组', '所属专业小组', '小组', '所属小组'],
  station: ['联络站', '代表联络站', '所属联络站', '联系站'],
  district: ['选区', '所属选区', '选举单位'],
  phone: ['手机', '手机号', '手机号码', '联系电话', '电话', '联系方式'],
  termStart: ['任期开始', '任期开始日期', '任期起', '任期起始', '任期自'],
  termEnd: ['任期结束', '任期结束日期', '任期止', '任期至', '任期截止'],
};

/** Half-width, lower case, no spaces, no required-markers (`*`), no bracketed notes (`手机（仅办公室）`). */
export function normalizeHeader(text: string): string {
  return toHalfWidth(text)
    .toLowerCase()
    .replace(/\([^)]*\)|【[^】]*】|\[[^\]]*\]/g, '')
    .replace(/[\s\u00a0*:_-]/g, '');
}

const ALIAS_TO_FIELD = new Map<string, RosterField>(
  ROSTER_FIELDS.flatMap((f) => HEADER_ALIASES[f].map((a) => [normalizeHeader(a), f] as [string, RosterField])),
);

export interface HeaderMap {
  columns: Map<RosterField, number>;
  ignored: string[];
  /** Fields named by more than one column. */
  duplicated: RosterField[];
}

export function mapHeader(cells: SheetCell[]): HeaderMap {
  const columns = new Map<RosterField, number>();
  const ignored: string[] = [];
  const duplicated: RosterField[] = [];
  cells.forEach((cell, index) => {
    const text = cellText(cell);
    if (!text) return;
    const field = ALIAS_TO_FIELD.get(normalizeHeader(text));
    if (!field) ignored.push(text);
    else if (columns.has(field)) duplicated.push(field);
    else columns.set(field, index);
  });
  return { columns, ignored, duplicated };
}

/** One valid file row: the roster fields it sets, and where it stood in the file. */
export type ImportRow = Omit<RosterEntry, 'active' | 'isOffice'> & { row: number };

export interface RowError {
  /** 0 for a problem with the file as a whole. */
  row: number;
  message: string;
}

export interface ParsedRoster {
  sheetName: string;
  rows: ImportRow[];
  errors: RowError[];
  /** Columns the file has: only these fields are compared and written. */
  columns: RosterField[];
  ignoredHeaders: string[];
}

/** Finds the header (the first row within the first 10 naming both 姓名 and the account), then reads every row after it. */
export function parseRosterSheets(sheets: Sheet[], rules: RosterRules & { timezone: string }): ParsedRoster {
  for (const sheet of sheets) {
    const headerIndex = sheet.rows.slice(0, 10).findIndex((r) => {
      const m = mapHeader(r.cells).columns;
      return m.has('name') && m.has('userid');
    });
    if (headerIndex < 0) continue;
    const header = mapHeader(sheet.rows[headerIndex]!.cells);
    const base = { sheetName: sheet.name, columns: [...header.columns.keys()], ignoredHeaders: header.ignored };
    if (header.duplicated.length) {
      const names = header.duplicated.map((f) => HEADER_ALIASES[f][0]!).join('、');
      return {
        ...base,
        rows: [],
        errors: [{ row: sheet.rows[headerIndex]!.rowNumber, message: t('importDuplicateColumn', { columns: names }) }],
      };
    }
    return { ...base, ...readRows(sheet.rows.slice(headerIndex + 1), header.columns, rules) };
  }
  return {
    sheetName: '',
    rows: [],
    errors: [{ row: 0, message: t('importNoHeader') }],
    columns: [],
    ignoredHeaders: [],
  };
}

function readRows(rows: Sheet['rows'], columns: Map<RosterField, number>, rules: RosterRules & { timezone: string }) {
  const out: ImportRow[] = [];
  const errors: RowError[] = [];
  const seenId = new Map<string, number>();
  const seenName = new Map<string, number>();
  for (const r of rows) {
    const get = (f: RosterField): SheetCell => {
      const i = columns.get(f);
      return i === undefined ? undefined : r.cells[i];
    };
    if (ROSTER_FIELDS.every((f) => !cellText(get(f)))) continue; // blank or notes-only row
    const parsed = readRow(r.rowNumber, get, rules);
    if ('message' in parsed) {
      errors.push(parsed);
      continue;
    }
    const idKey = parsed.userid.toLowerCase();
    const dupId = seenId.get(idKey);
    const dupName = seenName.get(parsed.name);
    if (dupId !== undefined)
      errors.push({ row: r.rowNumber, message: t('importDuplicateUserid', { userid: parsed.userid, other: dupId }) });
    else if (dupName !== undefined)
      errors.push({ row: r.rowNumber, message: t('importDuplicateName', { name: parsed.name, other: dupName }) });
    seenId.set(idKey, seenId.get(idKey) ?? r.rowNumber);
    seenName.set(parsed.name, seenName.get(parsed.name) ?? r.rowNumber);
    if (dupId === undefined && dupName === undefined) out.push(parsed);
  }
  if (out.length === 0 && errors.length === 0) errors.push({ row: 0, message: t('importNoRows') });
  return { rows: out, errors };
}

function readRow(
  row: number,
  get: (f: RosterField) => SheetCell,
  rules: RosterRules & { timezone: string },
): ImportRow | RowError {
  const userid = toHalfWidth(cellText(get('userid'))).trim();
  const name = cellText(get('name')).replace(/\s+/g, '');
  if (!userid) return { row, message: t('importMissingUserid') };
  if (!name) return { row, message: t('importMissingName') };
  const level = normalizeLevel(cellText(get('level'))) || '镇';
  const group = optional(cellText(get('group')), (g) => normalizeGroup(g, rules.groups));
  const phone = optional(cellText(get('phone')), normalizePhone);
  const problem = checkDeputyFields({ userid, name, level, group, phone }, rules);
  if (problem) return { row, message: describeProblem(problem, rules) };
  const termStart = readDate(get('termStart'), rules.timezone);
  const termEnd = readDate(get('termEnd'), rules.timezone);
  if (termStart === null)
    return { row, message: t('importBadDate', { column: '任期开始', value: cellText(get('termStart')) }) };
  if (termEnd === null)
    return { row, message: t('importBadDate', { column: '任期结束', value: cellText(get('termEnd')) }) };
  if (termStart && termEnd && termEnd < termStart) return { row, message: t('importTermReversed') };
  return {
    row,
    userid,
    name,
    level,
    group,
    station: optional(cellText(get('station')), (s) => s),
    district: optional(cellText(get('district')), (s) => s),
    phone,
    termStart,
    termEnd,
  };
}

function describeProblem(p: DeputyFieldProblem, rules: RosterRules): string {
  switch (p.field) {
    case 'userid':
      return t('importBadUserid', { userid: p.value });
    case 'name':
      return t('importBadName', { name: p.value });
    case 'level':
      return t('importBadLevel', { level: p.value, levels: rules.levels.join('、') });
    case 'group':
      return t('importBadGroup', { group: p.value, groups: rules.groups.join('、') });
    case 'phone':
      return t('importBadPhone', { phone: p.value });
  }
}

function optional(text: string, fn: (s: string) => string): string | undefined {
  return text ? fn(text) : undefined;
}

/** Text of a cell, spaces unified and trimmed ('' for empty). */
export function cellText(cell: SheetCell): string {
  if (cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return cell
    .replace(/[\u3000\u00a0\u2005]/g, ' ')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .trim();
}

/**
 * A calendar day from a date cell (exceljs gives the wall-clock day in UTC fields), `2021-11-01`,
 * `2021/11/1`, `2021.11.1`, `2021年11月1日`, or an Excel serial number; undefined when empty, null when not a date.
 */
export function readDate(cell: SheetCell, tz: string): Date | undefined | null {
  if (cell === undefined) return undefined;
  let ymd: Ymd | undefined;
  if (cell instanceof Date)
    ymd = { year: cell.getUTCFullYear(), month: cell.getUTCMonth() + 1, day: cell.getUTCDate() };
  else {
    const s = toHalfWidth(cellText(cell));
    if (!s) return undefined;
    const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s);
    if (m) ymd = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    else if (/^\d{5}$/.test(s) && Number(s) > 20000 && Number(s) < 80000) {
      // Excel's day 0 is 1899-12-30 (it counts the non-existent 1900-02-29).
      const d = new Date(Date.UTC(1899, 11, 30) + Number(s) * 86_400_000);
      ymd = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
    }
  }
  if (!ymd || !isValidYmd(ymd.year, ymd.month, ymd.day)) return null;
  return fromWallTime(ymd, tz);
}
