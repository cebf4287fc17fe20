import { type ConsoleClient, signIn } from '../helpers/console';
import { createHarness, type Harness } from '../helpers/harness';

// 系统: jobs, database, version, and the outbox's failed pushes (retry, discard) through the console API.

let h: Harness;
let office: ConsoleClient;

beforeAll(async () => {
  h = await createHarness('console-system', { officeUserIds: ['office1'] });
  await h.addDeputy('office1', '王主任');
  await h.addDeputy('zhang', '张三');
  office = await signIn(h, 'office1');
  await h.drain();
  h.wecom.clear();
});

afterAll(async () => {
  await h.close();
});

type Row = { id: string; key: string; status: string; lastError?: string; preview: string; discarded: boolean };
const list = async (status: string): Promise<Row[]> =>
  (await office.get(`/api/console/system/outbox?status=${status}`)).body.items as Row[];

/** A group push WeCom refuses for good (invalid webhook): the outbox marks it dead with WeCom's error. */
async function failedPush(key: string, text: string): Promise<Row> {
  h.wecom.failNext(1, { errcode: 93000 });
  await h.services.notify.toGroup(key, text);
  await h.drain();
  const row = (await list('failed')).find((r) => r.key === key);
  expect(row).toBeDefined();
  return row!;
}

it('shows the version, the database, the jobs with their next run, and the outbox counts', async () => {
  const r = await office.get('/api/console/system');
  expect(r.status).toBe(200);
  expect(r.body.version).toMatch(/^\d+\.\d+\.\d+/);
  expect(r.body.database).toMatchObject({ reachable: true });
  expect(['embedded', 'external']).toContain(r.body.database.kind);
  expect(r.body.jobs.length).toBeGreaterThan(0);
  const enabled = r.body.jobs.find((j: { enabled: boolean }) => j.enabled);
  expect(enabled.nextAt).toEqual(expect.any(String));
  expect(r.body.outbox).toEqual({ queued: 0, failed: 0 });
});

it('lists a failed push with WeCom error and sends it again on retry', async () => {
  const row = await failedPush('sys-retry', '**通知** 明天上午开会');
  expect(row.lastError).toContain('93000');
  expect(row.preview).toBe('**通知** 明天上午开会');
  expect((await office.get('/api/console/system')).body.outbox.failed).toBe(1);

  const retried = await office.post(`/api/console/system/outbox/${row.id}/retry`);
  expect(retried.status).toBe(200);
  expect(await h.drain()).toMatchObject({ sent: 1 });
  expect(h.groupTexts()).toEqual(['**通知** 明天上午开会']);

  // Sent now: retrying it again (a second click, another tab) is refused and sends nothing.
  const again = await office.post(`/api/console/system/outbox/${row.id}/retry`);
  expect(again.status).toBe(400);
  expect(again.body.error).toMatchObject({ code: 'refused', message: expect.stringContaining('不能重发') });
  expect(await h.drain()).toMatchObject({ sent: 0 });
  expect(h.groupTexts()).toHaveLength(1);
});

it('discards a failed push: no longer failed, never sent, cannot be retried', async () => {
  h.wecom.clear();
  const row = await failedPush('sys-discard', '作废的消息');
  const r = await office.post(`/api/console/system/outbox/${row.id}/discard`);
  expect(r.status).toBe(200);
  expect((await list('failed')).map((x) => x.key)).not.toContain('sys-discard');
  expect((await office.get('/api/console/system')).body.outbox.failed).toBe(0);
  const retry = await office.post(`/api/console/system/outbox/${row.id}/retry`);
  expect(retry.status).toBe(400);
  const twice = await office.post(`/api/console/system/outbox/${row.id}/discard`);
  expect(twice.status).toBe(400);
  expect(twice.body.error.message).toContain('不能再放弃');
  await h.drain();
  expect(h.groupTexts()).toEqual([]);
});

it('refuses without the CSRF token, for a deputy, for an unknown id, and for bad filters', async () => {
  const row = await failedPush('sys-guard', '守卫测试');
  const noCsrf = await office.post(`/api/console/system/outbox/${row.id}/retry`, undefined, { csrf: null });
  expect(noCsrf.status).toBe(403);
  expect(noCsrf.body.error.code).toBe('csrf');
  const deputy = await signIn(h, 'zhang');
  expect((await deputy.post(`/api/console/system/outbox/${row.id}/retry`)).status).toBe(403);
  expect((await deputy.post(`/api/console/system/outbox/${row.id}/discard`)).status).toBe(403);
  expect((await deputy.get('/api/console/system')).status).toBe(403);
  expect((await list('failed')).map((x) => x.key)).toContain('sys-guard');
  expect((await office.post('/api/console/system/outbox/000000000000000000000000/retry')).status).toBe(404);
  expect((await office.post('/api/console/system/outbox/not-an-id/discard')).status).toBe(404);
  const bad = await office.get('/api/console/system/outbox?status=lost');
  expect(bad.status).toBe(400);
  expect(bad.body.error.fields.status).toContain('状态');
});
