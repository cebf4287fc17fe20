import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { commands } from '../handlers';

// `npm run commands`: each command word → its handler file → the service functions it calls, read from
// the handler sources (TypeScript's parser), so the map cannot drift from the code.

export interface CommandRow {
  word: string;
  aliases: string[];
  role: string;
  file: string;
  /** `events.activities.signUp`, … (paths under the composed `services` object). */
  calls: string[];
}

const SERVICES_CALL = /(?:^|\.)services\.([\w.]+)$/;

/** Top-level functions and consts of a file, by name: a command's helpers are followed into them. */
function topLevel(sf: ts.SourceFile): Map<string, ts.Node> {
  const out = new Map<string, ts.Node>();
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name) out.set(st.name.text, st);
    if (ts.isVariableStatement(st))
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) out.set(d.name.text, d);
  }
  return out;
}

/** The service calls reachable from `start`: direct, through a local alias (`const m = services.x`), or through helpers. */
function callsFrom(start: ts.Node, helpers: Map<string, ts.Node>): string[] {
  const calls = new Set<string>();
  const aliases = new Map<string, string>();
  const seen = new Set<ts.Node>();
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const m = SERVICES_CALL.exec(node.initializer.getText());
      if (m) aliases.set(node.name.text, m[1]!);
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression.getText();
      const direct = SERVICES_CALL.exec(callee);
      if (direct) calls.add(direct[1]!);
      const [head, ...rest] = callee.split('.');
      const alias = head ? aliases.get(head) : undefined;
      if (alias && rest.length) calls.add([alias, ...rest].join('.'));
    }
    if (ts.isIdentifier(node)) {
      const helper = helpers.get(node.text);
      if (helper && !seen.has(helper) && !isInside(node, helper)) {
        seen.add(helper);
        visit(helper);
      }
    }
    ts.forEachChild(node, visit);
  };
  seen.add(start);
  visit(start);
  return [...calls].sort();
}

function isInside(node: ts.Node, container: ts.Node): boolean {
  return node.pos >= container.pos && node.end <= container.end;
}

function stringProp(obj: ts.ObjectLiteralExpression, key: string): string | undefined {
  for (const p of obj.properties) {
    if (ts.isPropertyAssignment(p) && p.name.getText() === key && ts.isStringLiteral(p.initializer))
      return p.initializer.text;
  }
  return undefined;
}

function aliasesOf(obj: ts.ObjectLiteralExpression): string[] {
  for (const p of obj.properties) {
    if (ts.isPropertyAssignment(p) && p.name.getText() === 'aliases' && ts.isArrayLiteralExpression(p.initializer)) {
      return p.initializer.elements.filter(ts.isStringLiteral).map((e) => e.text);
    }
  }
  return [];
}

/** Every `defineCommand({ … })` under handlers/, with its file and the service functions it reaches. */
export function scanHandlers(root: string): CommandRow[] {
  const dir = path.join(root, 'handlers');
  const rows: CommandRow[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.ts') || name === 'index.ts') continue;
    const file = path.join(dir, name);
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const helpers = topLevel(sf);
    const visit = (node: ts.Node): void => {
      if (
        ts.isCallExpression(node) &&
        node.expression.getText() === 'defineCommand' &&
        node.arguments[0] &&
        ts.isObjectLiteralExpression(node.arguments[0])
      ) {
        const obj = node.arguments[0];
        const word = stringProp(obj, 'name');
        if (word)
          rows.push({
            word,
            aliases: aliasesOf(obj),
            role: stringProp(obj, 'role') ?? '',
            file: `handlers/${name}`,
            calls: callsFrom(obj, helpers),
          });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return rows;
}

/** The table, in the order of the command table (the order 帮助 uses). */
export function commandsTable(root: string): string {
  const byWord = new Map(scanHandlers(root).map((r) => [r.word, r]));
  const lines = ['| 命令 | 别名 | 角色 | 处理文件 | 调用的服务函数 |', '| --- | --- | --- | --- | --- |'];
  for (const c of commands) {
    const r = byWord.get(c.name);
    if (!r) throw new Error(`command "${c.name}" is in the table but no handler file declares it with defineCommand`);
    lines.push(
      `| ${r.word} | ${r.aliases.join('、')} | ${r.role} | ${r.file} | ${r.calls.map((x) => `services.${x}`).join('<br>') || '—'} |`,
    );
  }
  return lines.join('\n');
}

if (require.main === module) {
  // dist/scripts/commands-table.js or scripts/commands-table.ts: the project root is where handlers/ is.
  const root = [path.resolve(__dirname, '..'), path.resolve(__dirname, '..', '..')].find((d) => {
    try {
      return readdirSync(path.join(d, 'handlers')).some((f) => f.endsWith('.ts'));
    } catch {
      return false;
    }
  });
  if (!root) throw new Error('handlers/ sources not found');
  process.stdout.write(`${commandsTable(root)}\n`);
}
