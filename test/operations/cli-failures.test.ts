import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { runTs, uriWithDatabase } from '../helpers/child';

// Failures an operator meets at the command line, through real child processes: an export that
// cannot write its file, a port that is already taken. Each ends with one Chinese line and a
// non-zero exit instead of hanging or a stack trace.

const dbName = `t_cli_${randomBytes(4).toString('hex')}`;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cli-failures-'));
  await chmod(dir, 0o755);
});
afterAll(async () => {
  await chmod(path.join(dir, 'readonly'), 0o755).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
  const conn = await mongoose.createConnection(uriWithDatabase(dbName)).asPromise();
  await conn.dropDatabase();
  await conn.close();
});

const env = () => ({
  PATH: process.env.PATH,
  NODE_ENV: 'test',
  MONGODB_URI: uriWithDatabase(dbName),
  OFFICE_USERIDS: 'office1',
  LOG_LEVEL: 'silent',
});
// As root every folder is writable: run the export as an unprivileged user, as in the Docker image.
const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

function exportTo(out: string) {
  return runTs('scripts/export.ts', ['register', '--year', '2026', '--out', out], {
    env: env(),
    ...asUser,
    timeoutMs: 60_000,
  });
}

function expectOneChineseLine(stderr: string, ...parts: string[]): void {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^无法写入文件「/);
  for (const p of parts) expect(lines[0]).toContain(p);
}

describe('npm run export with an output it cannot write', () => {
  it('a read-only folder: names the file, says why, exits non-zero, leaves nothing', async () => {
    const ro = path.join(dir, 'readonly');
    await mkdir(ro);
    await chmod(ro, 0o555);
    const out = path.join(ro, '登记册.xlsx');
    const r = await exportTo(out);
    expect(r.code).toBe(1);
    expectOneChineseLine(r.stderr, out, '没有写入权限');
    expect(await readdir(ro)).toEqual([]);
  }, 90_000);

  it('a folder in the way of the file', async () => {
    const out = path.join(dir, 'taken.xlsx');
    await mkdir(out);
    await chmod(dir, 0o777);
    const r = await exportTo(out);
    await chmod(dir, 0o755);
    expect(r.code).toBe(1);
    expectOneChineseLine(r.stderr, out, '同名的文件夹已经存在');
    expect(await readdir(out)).toEqual([]);
    expect(existsSync(`${out}.partial`)).toBe(false);
  }, 90_000);

  it('a missing folder: refused, and no folder is created anywhere', async () => {
    const out = path.join(dir, 'missing', 'deeper', '登记册.xlsx');
    const before = await readdir(dir);
    const r = await exportTo(out);
    expect(r.code).toBe(1);
    expectOneChineseLine(r.stderr, out, '所在文件夹不存在');
    expect(await readdir(dir)).toEqual(before);
  }, 90_000);

  it('a file where a folder should be', async () => {
    await writeFile(path.join(dir, 'plain.txt'), 'x');
    const out = path.join(dir, 'plain.txt', '登记册.xlsx');
    const r = await exportTo(out);
    expect(r.code).toBe(1);
    expectOneChineseLine(r.stderr, out, '路径中有一段不是文件夹');
  }, 90_000);
});

describe('npm start on a port that is taken', () => {
  it('prints one line naming the port and exits non-zero, without a stack trace', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const r = await runTs('src/main.ts', [], {
        env: { ...env(), NODE_ENV: 'development', PORT: String(port), HOST: '127.0.0.1', JOBS_ENABLED: 'false' },
        timeoutMs: 60_000,
      });
      expect(r.code).toBe(1);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toEqual([expect.stringContaining(`端口 ${port} 已被占用`)]);
      expect(r.stderr + r.stdout).not.toContain('EADDRINUSE');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  }, 90_000);
});
