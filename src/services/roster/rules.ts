import { toHalfWidth } from '../../text/normalize';

// The one definition of a valid roster entry, shared by `代表 添加` and the bulk import.

export const USERID = /^[A-Za-z0-9._@-]{1,64}$/;
export const NAME_MAX_CHARS = 20;

export interface RosterRules {
  levels: readonly string[];
  groups: readonly string[];
}

export type DeputyFieldProblem =
  | { field: 'userid'; value: string }
  | { field: 'name'; value: string }
  | { field: 'level'; value: string }
  | { field: 'group'; value: string }
  | { field: 'phone'; value: string };

export interface DeputyFields {
  userid: string;
  name: string;
  level?: string;
  group?: string;
  phone?: string;
}

/** `县级` → `县`, `镇人大代表` → `镇`: people write the level several ways. */
export function normalizeLevel(text: string): string {
  return toHalfWidth(text)
    .replace(/\s+/g, '')
    .replace(/(人大代表|人大|代表)$/, '')
    .replace(/级$/, '');
}

/** `农村农业组` / `农村农业小组` → `农村农业` when that is a configured group; otherwise unchanged. */
export function normalizeGroup(text: string, groups: readonly string[]): string {
  const s = toHalfWidth(text).replace(/\s+/g, '');
  if (groups.includes(s)) return s;
  const stripped = s.replace(/(专业小组|小组|组)$/, '');
  return groups.includes(stripped) ? stripped : s;
}

/** Digits only for a mobile (`138 0013 8000`, `+86-138…`); a landline keeps one dash after the area code. */
export function normalizePhone(text: string): string {
  const s = toHalfWidth(text).replace(/[\s\u00a0]/g, '');
  const digits = s.replace(/[-()（）]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
  if (/^1\d{10}$/.test(digits)) return digits;
  const landline = /^\(?(0\d{2,3})\)?-?([2-9]\d{6,7})$/.exec(s);
  return landline ? `${landline[1]}-${landline[2]}` : s;
}

const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-[2-9]\d{6,7})$/;

/** The first problem with a deputy's fields, or undefined when they are valid (fields already normalised). */
export function checkDeputyFields(input: DeputyFields, rules: RosterRules): DeputyFieldProblem | undefined {
  if (!USERID.test(input.userid)) return { field: 'userid', value: input.userid.slice(0, 70) };
  const name = input.name.trim();
  if (!name || [...name].length > NAME_MAX_CHARS) return { field: 'name', value: name.slice(0, 30) };
  if (input.level && !rules.levels.includes(input.level)) return { field: 'level', value: input.level };
  if (input.group && !rules.groups.includes(input.group)) return { field: 'group', value: input.group };
  if (input.phone && !PHONE.test(input.phone)) return { field: 'phone', value: input.phone.slice(0, 30) };
  return undefined;
}
