import { spawn } from 'node:child_process';
import path from 'node:path';
import { eventually, gate } from '../helpers/eventually';
import { type Harness, createHarness } from '../helpers/harness';
import { TEST_KEYS } from '../helpers/wecom-payloads';

// kill -9 while a push is at WeCom's API, then restart: the push was sent once and is sent at most
// once more, and only after its lock has expired (the README's guarantee).

const root = path.resolve(__dirname, '..', '..');
let h: Harness;

beforeAll(async () => {
  h = await createHarness('outbox_crash', { env: { JOBS_ENABLED: 'false' } });
  h.clock.set('2026-11-22T10:00:30+08:00');
});
afterAll(async () => h.close());

it('a sender killed mid-send: the restart waits for the lock, then sends it once more', async () => {
  await h.services.notify.toGroup('crash-1', '杀进程时正在发送的消息');
  const never = gate();
  h.wecom.hold = never.wait;
  const arrived = new Promise<void>((resolve) => {
    h.wecom.onArrival = () => resolve();
  });
  const child = spawn(
    process.execPath,
    ['-r', path.join(root, 'test/helpers/ts-register.cjs'), path.join(root, 'test/helpers/outbox-child.ts')],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        MONGODB_URI: process.env.MONGODB_URI,
        TEST_DB_NAME: h.db.dbName,
        TEST_CLOCK: h.clock.now().toISOString(),
        WECOM_TOKEN: TEST_KEYS.token,
        WECOM_ENCODING_AES_KEY: TEST_KEYS.encodingAesKey,
        WECOM_CORP_ID: TEST_KEYS.corpId,
        WECOM_WEBHOOK_KEY: 'test-webhook-key-secret',
        WECOM_API_BASE: h.fakeBaseUrl,
        JOBS_ENABLED: 'false',
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += String(d)));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  await Promise.race([arrived, exited.then(() => Promise.reject(new Error(`child exited early: ${stderr}`)))]);

  // The push is at WeCom (which shows it) and the sender dies before it hears back.
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  h.wecom.hold = undefined;
  never.open();

  const item = await h.models.OutboxItem.findOne({ key: 'crash-1' }).lean();
  expect(item).toMatchObject({ status: 'sending', attempts: 1 });
  // Restarted at once: the lock is fresh, so nothing is sent again yet.
  expect(await h.drain()).toMatchObject({ sent: 0 });
  h.clock.advance(h.config.tunables.outbox.lockMs - 1_000);
  expect(await h.drain()).toMatchObject({ sent: 0 });
  // Past the lock: sent again, exactly once, with a warning that WeCom may show it twice.
  h.clock.advance(2_000);
  expect(await h.drain()).toMatchObject({ sent: 1 });
  expect(await h.drain()).toMatchObject({ sent: 0 });
  expect(h.wecom.arrivals.map((a) => a.content)).toEqual(['杀进程时正在发送的消息', '杀进程时正在发送的消息']);
  expect(await h.models.OutboxItem.findOne({ key: 'crash-1' }).lean()).toMatchObject({ status: 'sent', attempts: 2 });
  await eventually(() => h.logLines.some((l) => l.includes('left mid-send')), 'the duplicate warning');
}, 60_000);
