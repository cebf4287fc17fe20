import { splitFirst } from '../src/commands/args';
import { type RunContext, defineCommand } from '../src/commands/types';
import { t } from '../src/messages';
import { refuse } from '../src/refusals';
import { formatDate } from '../src/time/format';
import { shown } from '../src/text/group-safe';
import { toHalfWidth } from '../src/text/normalize';
import { cleanUnitName, matchUnit } from '../src/text/unit-match';
import { workdaysBetween } from '../src/time/workdays';
import { actionInput } from './shared/opinion-input';

type UnitsContext = Pick<RunContext<Record<string, never>, 'roster' | 'opinions'>, 'services' | 'now'>;

/** The unit as typed, matched to a known one (abbreviations, typos) or taken as new. */
async function unitOf(typed: string, ctx: UnitsContext) {
  const match = matchUnit(typed, await ctx.services.opinions.knownUnits());
  if (match.kind === 'ambiguous') refuse('unit.ambiguous', { input: typed, candidates: match.candidates });
  return match.kind === 'new' ? { kind: 'new' as const, name: cleanUnitName(typed) } : match;
}

async function add(rest: string, ctx: UnitsContext): Promise<string> {
  const [typedUnit, more] = splitFirst(rest);
  const [typedId, name] = splitFirst(more);
  if (!typedUnit || !typedId || !name) return t('unitContactUsage');
  const unit = await unitOf(typedUnit, ctx);
  // WeCom userids are ASCII; a phone keyboard may have typed them full-width.
  const userid = toHalfWidth(typedId);
  await ctx.services.roster.contacts.add({ unit: unit.name, userid, name }, ctx.now);
  return t('unitContactAdded', {
    unit: unit.name,
    userid,
    name,
    matched: unit.kind === 'matched' ? typedUnit : undefined,
    isNew: unit.kind === 'new',
  });
}

async function remove(rest: string, ctx: UnitsContext): Promise<string> {
  const [typedUnit, typedId] = splitFirst(rest);
  if (!typedUnit || !typedId) return t('unitContactUsage');
  const unit = await unitOf(typedUnit, ctx);
  if (unit.kind === 'new') refuse('unit.notFound', { unit: unit.name });
  const userid = toHalfWidth(typedId.trim());
  const after = await ctx.services.roster.contacts.remove({ unit: unit.name, userid });
  return t('unitContactRemoved', { unit: after.name, userid, left: after.contacts.length });
}

async function list(ctx: UnitsContext): Promise<string> {
  const units = await ctx.services.roster.contacts.list();
  if (!units.length) return t('unitListEmpty');
  return [
    t('unitListHeader', { count: units.length }),
    ...units.map((u) =>
      t('unitListLine', { unit: u.name, contacts: u.contacts.map((c) => `${c.name}（${c.userid}）`).join('、') }),
    ),
    t('unitListFooter'),
  ].join('\n');
}

/** 单位 / 单位 添加 <单位> <账号> <姓名> / 单位 删除 <单位> <账号>: the handling units' contacts. */
export const unitsCommand = defineCommand({
  name: '单位',
  aliases: ['承办单位'],
  role: 'office',
  summary: '承办单位联系人：列表、添加、删除',
  example: '单位 添加 住建办 zhangjian 张建',
  args: { params: [{ kind: 'text', name: 'rest', label: '添加|删除' }] },
  uses: ['roster', 'opinions'],
  async run(ctx) {
    const [word, rest] = splitFirst(ctx.params.rest ?? '');
    if (!word || word === '列表') return list(ctx);
    if (word === '添加') return add(rest, ctx);
    if (word === '删除') return remove(rest, ctx);
    return t('unitContactUsage');
  },
});

/** 待办: a unit contact's open cases, the nearest deadline first. */
export const todoCommand = defineCommand({
  name: '待办',
  role: 'contact',
  summary: '查看本单位待答复的建议（按期限）',
  example: '待办',
  uses: ['opinions', 'holidays'],
  readOnly: true,
  async run(ctx) {
    const units = ctx.actor.units ?? [];
    const items = await ctx.services.opinions.unitTodo(units);
    const names = units.join('、');
    if (!items.length) return t('todoEmpty', { units: names });
    const tz = ctx.config.timezone;
    const calendar = ctx.services.holidays.calendar();
    return [
      t('todoHeader', { units: names, count: items.length }),
      ...items.map((i) =>
        t('todoLine', {
          code: i.code,
          title: shown(i.title, false),
          unit: units.length > 1 ? i.unit : undefined,
          deadline: formatDate(i.deadline, tz),
          workdays: workdaysBetween(ctx.now, i.deadline, tz, calendar),
          overdue: i.deadline.getTime() < ctx.now.getTime(),
          pending: i.pending,
          returned: i.returned,
        }),
      ),
      t('todoFooter'),
    ].join('\n');
  },
});

/** 审核 <编号> 通过 / 审核 <编号> 退回 <原因>: the office's review of a unit's answer. */
export const reviewCommand = defineCommand({
  name: '审核',
  role: 'office',
  summary: '审核承办单位提交的答复：通过后转给提出人，退回时告诉单位原因',
  example: '审核 YJ2026-001 通过',
  args: {
    params: [
      { kind: 'code', name: 'code', of: 'YJ' },
      { kind: 'text', name: 'rest', label: '通过|退回 <原因>' },
    ],
  },
  uses: ['opinions'],
  async run(ctx) {
    const { code, rest = '' } = ctx.params;
    const [word, reason] = splitFirst(rest);
    const opinions = ctx.services.opinions;
    if (word === '通过') {
      const r = await opinions.review({ code, approve: true }, actionInput(ctx));
      return t('reviewApproved', { code, late: r.late });
    }
    if (word === '退回') {
      const r = await opinions.review({ code, approve: false, reason }, actionInput(ctx));
      const submitted = [...r.opinion.timeline].reverse().find((e) => e.action === 'submitted');
      return t('reviewReturned', { code, unit: r.opinion.unit ?? '', name: submitted?.byName ?? '' });
    }
    return t('reviewUsage', { code });
  },
});
