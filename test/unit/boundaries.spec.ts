import { spawnSync } from 'node:child_process';
import path from 'node:path';

// Runs the real boundary rules (.dependency-cruiser.cjs, part of `npm run lint`) on a miniature of the
// layout in which each file but one breaks exactly one rule, so a rule that stops biting fails here.
const root = path.resolve(__dirname, '../..');
const fixture = path.join(root, 'test/fixtures/boundaries');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

function cruise(dirs = ['src', 'handlers', 'jobs'], config = '.dependency-cruiser.cjs'): Violation[] {
  const bin = path.join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
  const r = spawnSync(process.execPath, [bin, ...dirs, '--config', path.join(root, config), '--output-type', 'json'], {
    cwd: fixture,
    encoding: 'utf8',
  });
  if (!r.stdout) throw new Error(`dependency-cruiser printed nothing: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

describe('boundary rules', () => {
  const found = cruise().map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);

  it.each([
    'models-not-up: src/models/up.ts → src/services/alpha/index.ts',
    'services-not-up: src/services/beta/up.ts → handlers/h.ts',
    'domain-through-index: src/services/beta/b.ts → src/services/alpha/a.ts',
    'services-through-index: handlers/deep.ts → src/services/alpha/a.ts',
    'handlers-not-up: handlers/model.ts → src/models/thing.ts',
    'handler-not-handler: handlers/other.ts → handlers/h.ts',
    'jobs-not-up: jobs/j.ts → handlers/h.ts',
    'dispatcher-not-up: src/dispatcher/d.ts → handlers/h.ts',
    'services-no-chat-words: src/services/beta/reads-words.ts → src/time/parse-time.ts',
    'services-not-up: src/services/beta/reads-commands.ts → src/commands/args.ts',
    'contracts-alone: src/contracts/leak.ts → src/models/thing.ts',
    'demo-not-in-production: src/wecom/w.ts → src/demo/sim.ts',
    'main-loads-demo-lazily: src/main.ts → src/demo/sim.ts',
    'main-loads-demo-lazily: src/main.ts → src/demo/compose-demo.ts',
  ])('refuses %s', (line) => {
    expect(found).toContain(line);
  });

  it('refuses a cycle', () => {
    expect(found.some((l) => l.startsWith('no-circular: src/text/'))).toBe(true);
  });

  it("lets the demo's composition wire the demo", () => {
    expect(found.filter((l) => l.includes('src/demo/compose-demo.ts →'))).toEqual([]);
  });

  it('lets a handler reach a service domain through its index', () => {
    expect(found.filter((l) => l.includes('handlers/good.ts'))).toEqual([]);
  });
});

// The pages (web/src) may import the contract and browser packages only (.dependency-cruiser-web.cjs).
describe('web boundary rules', () => {
  const found = cruise(['web/src'], '.dependency-cruiser-web.cjs').map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);

  it.each(['web-only-contract: web/src/server.ts → src/models/thing.ts', 'web-no-node-builtins: web/src/node.ts → fs'])(
    'refuses %s',
    (line) => {
      expect(found).toContain(line);
    },
  );

  it('refuses a server-only package', () => {
    // node_modules may be a symlink: the resolved path ends in the package, wherever it lives.
    expect(found.some((l) => /^web-browser-packages: web\/src\/package\.ts → .*node_modules\/mongoose\//.test(l))).toBe(
      true,
    );
  });

  it('lets a page import the contract through its alias', () => {
    expect(found.filter((l) => l.includes('web/src/good.ts'))).toEqual([]);
  });
});
