import { extractOptions, splitFirst } from '../src/commands/args';
import { type RunContext, defineCommand } from '../src/commands/types';
import { t } from '../src/messages';
import { toHalfWidth } from '../src/text/normalize';

function describeExtra(level?: string, group?: string): string {
  const bits = [level ? `${level}级` : '', group ? `专业小组：${group}` : ''].filter(Boolean);
  return bits.length ? `（${bits.join('，')}）` : '';
}

type RosterContext = Pick<RunContext<Record<string, never>, 'roster'>, 'services' | 'actor'>;
type Action = (rest: string, ctx: RosterContext) => Promise<string>;

async function add(rest: string, { services }: RosterContext): Promise<string> {
  const { options, rest: positional } = extractOptions(rest, ['小组', '层级']);
  const [typedId, name] = splitFirst(positional);
  if (!typedId || !name) return t('rosterUsageAdd');
  // WeCom userids are ASCII; a phone keyboard may have typed them full-width.
  const userid = toHalfWidth(typedId);
  const { entry, outcome } = await services.roster.upsertDeputy({
    userid,
    name,
    level: options.层级?.replace(/级$/, ''),
    group: options.小组,
  });
  const extra = describeExtra(entry.level, entry.group);
  if (outcome === 'added') return t('rosterAdded', { name: entry.name, userid: entry.userid, extra });
  if (outcome === 'reactivated') return t('rosterReactivated', { name: entry.name, userid: entry.userid });
  return t('rosterUpdated', { name: entry.name, userid: entry.userid, extra });
}

async function list(_rest: string, { services }: RosterContext): Promise<string> {
  const all = await services.roster.list();
  if (all.length === 0) return t('rosterListEmpty');
  const active = all.filter((d) => d.active);
  return [
    t('rosterListHeader', { active: active.length, inactive: all.length - active.length }),
    ...active.map((d) =>
      t('rosterListLine', { name: d.name, userid: d.userid, level: d.level, group: d.group, office: d.isOffice }),
    ),
  ].join('\n');
}

async function deactivate(rest: string, { services, actor }: RosterContext): Promise<string> {
  if (!rest) return t('rosterNameNeeded', { action: '停用' });
  const d = await services.roster.deactivate(rest, actor.userid);
  return t('rosterDeactivated', { name: d.name });
}

function officeRole(on: boolean): Action {
  return async (rest, { services }) => {
    if (!rest) return t('rosterNameNeeded', { action: on ? '设为办公室' : '取消办公室' });
    const d = await services.roster.setOffice(rest, on);
    return t(on ? 'rosterOfficeGranted' : 'rosterOfficeRevoked', { name: d.name });
  };
}

/** The sub-commands of 代表, by the word that follows it. */
const actions: Record<string, Action> = {
  添加: add,
  列表: list,
  停用: deactivate,
  设为办公室: officeRole(true),
  取消办公室: officeRole(false),
};

/** 代表 添加 / 列表 / 停用 / 设为办公室 / 取消办公室: roster upkeep by the office. */
export const rosterCommand = defineCommand({
  name: '代表',
  role: 'office',
  summary: '代表名册：添加、列表、停用、设为办公室、取消办公室',
  example: '代表 添加 zhangsan 张三 小组：农村农业',
  args: {
    params: [
      { kind: 'word', name: 'action', label: '添加|列表|停用|设为办公室|取消办公室', required: true },
      { kind: 'text', name: 'rest', label: '代表' },
    ],
    usage: 'rosterUsage',
  },
  uses: ['roster'],
  async run(ctx) {
    const { action: word, rest = '' } = ctx.params;
    const action = Object.prototype.hasOwnProperty.call(actions, word) ? actions[word] : undefined;
    return action ? action(rest, ctx) : t('rosterUsage');
  },
});
