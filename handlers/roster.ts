import { extractOptions, splitFirst } from '../src/commands/args';
import type { Command } from '../src/commands/types';
import { t } from '../src/messages';

function describeExtra(level?: string, group?: string): string {
  const bits = [level ? `${level}级` : '', group ? `专业小组：${group}` : ''].filter(Boolean);
  return bits.length ? `（${bits.join('，')}）` : '';
}

/** 代表 添加 / 列表 / 停用 / 设为办公室 / 取消办公室: roster upkeep by the office. */
export const rosterCommand: Command = {
  name: '代表',
  role: 'office',
  summary: '代表名册：添加、列表、停用、设为办公室、取消办公室',
  example: '代表 添加 zhangsan 张三 小组：农村农业',
  async run({ args, actor, services }) {
    const [action, rest] = splitFirst(args);
    const roster = services.roster;
    switch (action) {
      case '添加': {
        const { options, rest: positional } = extractOptions(rest, ['小组', '层级']);
        const [userid, name] = splitFirst(positional);
        if (!userid || !name) return t('rosterUsageAdd');
        const level = options.层级?.replace(/级$/, '');
        const { entry, outcome } = await roster.upsertDeputy({ userid, name, level, group: options.小组 });
        const extra = describeExtra(entry.level, entry.group);
        if (outcome === 'added') return t('rosterAdded', { name: entry.name, userid: entry.userid, extra });
        if (outcome === 'reactivated') return t('rosterReactivated', { name: entry.name, userid: entry.userid });
        return t('rosterUpdated', { name: entry.name, userid: entry.userid, extra });
      }
      case '列表': {
        const all = await roster.list();
        if (all.length === 0) return t('rosterListEmpty');
        const active = all.filter((d) => d.active);
        return [
          t('rosterListHeader', { active: active.length, inactive: all.length - active.length }),
          ...active.map((d) => t('rosterListLine', { name: d.name, userid: d.userid, level: d.level, group: d.group, office: d.isOffice })),
        ].join('\n');
      }
      case '停用': {
        if (!rest) return t('rosterUsage');
        const d = await roster.deactivate(rest, actor.userid);
        return t('rosterDeactivated', { name: d.name });
      }
      case '设为办公室':
      case '取消办公室': {
        if (!rest) return t('rosterUsage');
        const on = action === '设为办公室';
        const d = await roster.setOffice(rest, on);
        return t(on ? 'rosterOfficeGranted' : 'rosterOfficeRevoked', { name: d.name });
      }
      default:
        return t('rosterUsage');
    }
  },
};
