import { Refusal, refuse } from '../../refusals';
import { recordWrite } from '../../models/audit-entry';
import { isDuplicateKey } from '../../models/duplicate-key';
import {
  checkDeputyFields,
  type DeputyFieldProblem,
  normalizeGroup,
  normalizeLevel,
  normalizePhone,
  type RosterRules,
} from './rules';
import { type RosterEntry, type RosterWriteContext, toRosterEntry } from './roster-entry';

export interface DeputyInput {
  userid: string;
  name: string;
  level?: string;
  group?: string;
  phone?: string;
  station?: string;
  district?: string;
  expect?: 'new' | 'existing';
}

/**
 * Adds or updates a deputy (re-activating a deactivated one). Returns what happened. The console's form
 * also sets contact fields and says whether it adds (`expect: 'new'`: an existing userid is refused) or
 * edits (`expect: 'existing'`: an unknown one is refused); the chat's `代表 添加` does either.
 */
export async function upsertDeputy(
  c: RosterWriteContext,
  input: DeputyInput,
): Promise<{ entry: RosterEntry; outcome: 'added' | 'updated' | 'reactivated' }> {
  const name = input.name.trim();
  const level = input.level ? normalizeLevel(input.level) : undefined;
  const group = input.group ? normalizeGroup(input.group, c.rules.groups) : undefined;
  const phone = input.phone?.trim() ? normalizePhone(input.phone) : undefined;
  const problem = checkDeputyFields({ userid: input.userid, name, level, group, phone }, c.rules);
  if (problem) throw problemToRefusal(problem, c.rules);
  const clash = await c.Deputy.findOne({ name, active: true, userid: { $ne: input.userid } }).lean();
  if (clash) refuse('roster.nameTaken', { name, userid: clash.userid });
  const set: Record<string, unknown> = { name, active: true };
  if (level) set.level = level;
  if (group) set.group = group;
  // The form sends every contact field: an emptied one is cleared.
  const unset: Record<string, ''> = {};
  for (const [field, value] of Object.entries({ phone, station: input.station, district: input.district })) {
    if (input[field as 'phone' | 'station' | 'district'] === undefined) continue;
    const v = value?.trim();
    if (v) set[field] = v;
    else unset[field] = '';
  }
  // What the form expects decides the write: an insert that a taken userid refuses (add), an update that
  // an unknown userid matches nothing with (edit), or the chat's upsert (either).
  let before: Record<string, unknown> | null;
  try {
    before = await c.writing(() =>
      input.expect === 'new'
        ? c.Deputy.create({ ...set, userid: input.userid }).then(() => null)
        : c.Deputy.findOneAndUpdate(
            { userid: input.userid },
            {
              $set: set,
              ...(Object.keys(unset).length ? { $unset: unset } : {}),
              ...(input.expect === 'existing' ? {} : { $setOnInsert: { userid: input.userid } }),
            },
            { upsert: input.expect !== 'existing', returnDocument: 'before' },
          ).lean(),
    );
  } catch (err) {
    if (input.expect === 'new' && isDuplicateKey(err)) refuse('roster.exists', { userid: input.userid });
    throw err;
  }
  if (input.expect === 'existing' && !before) refuse('roster.useridUnknown', { userid: input.userid });
  const outcome = !before ? 'added' : before.active === false ? 'reactivated' : 'updated';
  await recordWrite({ kind: 'Deputy', code: input.userid, op: before ? 'update' : 'create' });
  // What the update made of it, without reading it back.
  const { _id: _ignored, ...kept } = (before ?? {}) as Record<string, unknown>;
  for (const field of Object.keys(unset)) delete kept[field];
  return { entry: toRosterEntry({ ...kept, userid: input.userid, ...set }), outcome };
}

/** The refusal for a field that breaks the roster rules (the import words its row errors itself). */
function problemToRefusal(p: DeputyFieldProblem, rules: RosterRules): Refusal {
  switch (p.field) {
    case 'userid':
      return new Refusal('roster.badUserid', { userid: p.value });
    case 'name':
      return new Refusal('roster.badName', {});
    case 'level':
      return new Refusal('roster.badLevel', { levels: [...rules.levels] });
    case 'group':
      return new Refusal('roster.badGroup', { groups: [...rules.groups] });
    case 'phone':
      return new Refusal('roster.badPhone', { phone: p.value });
  }
}
