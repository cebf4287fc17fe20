import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as contract from '../../src/contracts/labels';
import { t } from '../../src/messages';

// Every label table lives once, in src/contracts/labels.ts: the chat's words come from it, and the
// pages import it (the compilers check the imports; this checks nobody wrote a table out again).
const root = path.resolve(__dirname, '../..');

const tables = Object.entries(contract).filter(
  (e): e is [string, Record<string, string>] =>
    typeof e[1] === 'object' && !Array.isArray(e[1]) && Object.values(e[1]).every((v) => typeof v === 'string'),
);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'dist' || e.name === 'contracts' ? [] : sources(p);
    return /\.(ts|vue)$/.test(e.name) ? [p] : [];
  });
}

/** How many of a table's `key: 'label'` entries a file writes out. */
function copiedEntries(text: string, table: Record<string, string>): string[] {
  return Object.entries(table)
    .filter(([k, v]) => {
      const key = /^[A-Za-z_$][\w$]*$/.test(k) ? `(?:${k}|'${k}')` : `'${k}'`;
      const value = v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return new RegExp(`${key}\\s*:\\s*'${value}'`).test(text);
    })
    .map(([k]) => k);
}

describe('label tables', () => {
  it('finds the tables to check', () => {
    expect(tables.map(([name]) => name)).toEqual(
      expect.arrayContaining(['TIMELINE_ACTION_LABELS', 'JOB_LABELS', 'ANNOUNCEMENT_STATUS_LABELS', 'VIA_LABELS']),
    );
  });

  it.each(['web/src', 'src', 'handlers', 'jobs'])('%s writes no label table out again', (dir) => {
    const copies: string[] = [];
    for (const file of sources(path.join(root, dir))) {
      const text = readFileSync(file, 'utf8');
      for (const [name, table] of tables) {
        const found = copiedEntries(text, table);
        // One entry can be a coincidence (a word used on its own); two are a copy of the table.
        if (found.length >= 2) copies.push(`${path.relative(root, file)} copies ${name}: ${found.join(', ')}`);
      }
    }
    expect(copies).toEqual([]);
  });

  it('the chat names steps, jobs and announcement states with the same words as the console', () => {
    expect(t('actionLabel', { action: 'reminded' })).toBe(contract.TIMELINE_ACTION_LABELS.reminded);
    expect(t('jobsTitle', { name: 'reminders', enabled: true })).toBe(`**${contract.JOB_LABELS.reminders}**`);
    expect(t('auditJobName', { name: 'overdue' })).toBe(`定时任务·${contract.JOB_LABELS.overdue}`);
    expect(t('holidaysSourceFile')).toBe(`来源：${contract.HOLIDAY_SOURCE_LABELS.file}`);
  });
});
