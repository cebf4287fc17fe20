import { type Command, defineCommand } from '../src/commands/types';
import { helpCard } from '../src/cards';
import { t } from '../src/messages';

/** Role-aware help built from the command table itself, so it can never drift from what exists. */
export function helpCommand(all: () => readonly Command[]): Command {
  return defineCommand({
    name: '帮助',
    // '？' needs no alias: full-width forms fold to '?'.
    aliases: ['help', '?', '菜单'],
    role: 'deputy',
    contacts: true,
    summary: '查看可以使用的命令',
    example: '帮助',
    args: { params: [{ kind: 'text', name: 'all', label: '全部' }] },
    uses: [],
    readOnly: true,
    async run({ actor, params, chat, via, now }) {
      const line = (c: Command) => t('helpLine', { name: c.name, summary: c.summary, example: c.example });
      // A unit contact on no roster: only the contacts' commands.
      if (actor.contactOnly) {
        const units = (actor.units ?? []).join('、');
        const mine = all().filter((c) => c.contacts || c.role === 'contact');
        return [t('helpContactHeader', { name: actor.name, units }), ...mine.map(line), t('helpFooter')].join('\n');
      }
      const deputy = all().filter((c) => c.role === 'deputy');
      const office = actor.isOffice ? all().filter((c) => c.role === 'office') : [];
      const parts = [
        t('helpHeader', { name: actor.name, isOffice: actor.isOffice }),
        t('helpDeputySection'),
        ...deputy.map(line),
      ];
      if (office.length) parts.push(t('helpOfficeSection'), ...office.map(line));
      parts.push(t('helpFooter'));
      const text = parts.join('\n');
      // Typed one-to-one, where only the reader sees it: the role's common commands as buttons (「帮助 全部」: the
      // list). A spoken 帮助 is answered in words.
      if (chat.type === 'group' || via === 'voice' || params.all === t('cardHelpAll')) return text;
      return { text, card: helpCard({ isOffice: actor.isOffice, name: actor.name }, now) };
    },
  });
}
