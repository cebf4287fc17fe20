import path from 'node:path';
import { commands } from '../../handlers';
import { commandsTable, scanHandlers } from '../../scripts/commands-table';

// `npm run commands` reads the handler sources; this keeps its map complete and true to the table.
const root = path.resolve(__dirname, '../..');
const rows = scanHandlers(root);

describe('the command map', () => {
  it('has exactly the commands of the table, each declared once', () => {
    expect(rows.map((r) => r.word).sort()).toEqual(commands.map((c) => c.name).sort());
  });

  it.each(commands.map((c) => [c.name, c] as const))('%s: its declared services are the ones it calls', (name, c) => {
    const row = rows.find((r) => r.word === name)!;
    const called = [...new Set(row.calls.map((x) => x.split('.')[0]))].sort();
    expect(called).toEqual([...(c.uses ?? [])].sort());
    if (name !== '帮助') expect(row.calls.length).toBeGreaterThan(0);
  });

  it('prints one line per command, in the table order', () => {
    const lines = commandsTable(root).split('\n');
    expect(lines).toHaveLength(commands.length + 2);
    expect(lines[2]).toMatch(/^\| 帮助 \| help、\?、菜单 \| deputy \| handlers\/help\.ts \| — \|$/);
    expect(lines.find((l) => l.startsWith('| 报名 '))).toContain('services.events.activities.signUp');
  });
});
