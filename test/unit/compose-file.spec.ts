import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_VARIABLES } from '../../config';

const root = join(__dirname, '..', '..');

/** The `KEY: value` lines of the bot service's `environment:` block, in order. */
function botEnvironment(): string[] {
  const lines = readFileSync(join(root, 'docker-compose.yml'), 'utf8').split('\n');
  const start = lines.findIndex((l) => /^ {4}environment:\s*$/.test(l));
  expect(start).toBeGreaterThan(0);
  const keys: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\s*#/.test(line) || line.trim() === '') continue;
    const m = /^ {6}([A-Z0-9_]+):/.exec(line);
    if (!m) break;
    keys.push(m[1]!);
  }
  return keys;
}

/** The variables .env.example names, set or commented out, in order. */
function envExampleNames(): string[] {
  const text = readFileSync(join(root, '.env.example'), 'utf8');
  return [...text.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]!);
}

describe('docker-compose.yml and .env.example', () => {
  it('pass each variable once (a repeated key makes `docker compose` refuse the file)', () => {
    const keys = botEnvironment();
    expect(keys.length).toBeGreaterThan(10);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('pass only variables the bot reads', () => {
    expect(botEnvironment().filter((k) => !CONFIG_VARIABLES.includes(k))).toEqual([]);
  });

  it('.env.example names only variables the bot or the compose file reads', () => {
    const named = envExampleNames();
    const compose = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
    const unknown = named.filter((k) => !CONFIG_VARIABLES.includes(k) && !compose.includes(`\${${k}`));
    expect(unknown).toEqual([]);
  });

  it('.env.example names each variable once (a second empty line would silently undo the first)', () => {
    const named = envExampleNames();
    expect(named.filter((k, i) => named.indexOf(k) !== i)).toEqual([]);
  });
});
