import { type ConsoleClient, signIn } from '../helpers/console';
import { type Harness, createHarness } from '../helpers/harness';

// 学习资料 from the console: the push queue (add, reorder, edit, remove) through the chat's service, guarded
// by versions (a stale page gets 409), and who has and has not marked each pushed item 已学.

let h: Harness;
let office: ConsoleClient;
let deputy: ConsoleClient;
let n = 0;
const rid = () => `study-${++n}-abcdef`;

beforeAll(async () => {
  // Sunday 2026-11-22 10:00 Beijing; the study job runs Wednesdays at 10:00.
  h = await createHarness('console-study', { now: '2026-11-22T10:00:00+08:00' });
  await h.addDeputy('office1', '王主任', { isOffice: true });
  await h.addDeputy('zhangsan', '张三');
  await h.addDeputy('lisi', '李四');
  office = await signIn(h, 'office1');
  deputy = await signIn(h, 'zhangsan');
});
afterAll(async () => h.close());

type Q = { version: number; items: Array<{ code: string; title: string; version: number; position: number }> };
const queue = async (): Promise<Q> => (await office.get('/api/console/study')).body.queue;
const codes = (q: Q) => q.items.map((i) => i.code);
const studyPushes = () => h.wecom.groupPushes().filter((p) => p.content.includes('本周学习资料'));
/** One scheduler tick at a Beijing wall time (the clock stays, so console sessions do too), then the outbox drained. */
async function tickAt(beijing: string) {
  await h.scheduler.tick(new Date(`${beijing}+08:00`));
  await h.drain();
}

it('adds to the queue like the chat’s 学习资料, a retried click once', async () => {
  expect(await h.say('office1', '学习资料 代表法第二讲 https://example.com/daibiaofa 请周五前学完')).toContain(
    'XX2026-001',
  );
  const id = rid();
  const added = await office.post('/api/console/study', { title: '宪法学习', note: '第一章总纲', requestId: id });
  expect(added.status).toBe(200);
  expect(added.body).toEqual({ code: 'XX2026-002', title: '宪法学习', position: 2 });
  expect(
    (await office.post('/api/console/study', { title: '宪法学习', note: '第一章总纲', requestId: id })).body.code,
  ).toBe('XX2026-002');
  await office.post('/api/console/study', {
    title: '地方组织法解读',
    link: 'https://example.com/dfzzf',
    requestId: rid(),
  });
  const q = await queue();
  expect(q).toMatchObject({ version: 0 });
  expect(codes(q)).toEqual(['XX2026-001', 'XX2026-002', 'XX2026-003']);
});

it('reorders the queue; the chat and the study job follow the new order', async () => {
  const q = await queue();
  const r = await office.post('/api/console/study/queue/order', {
    queue: ['XX2026-003', 'XX2026-001', 'XX2026-002'],
    version: q.version,
  });
  expect(r.status).toBe(200);
  expect(r.body.version).toBe(1);
  expect(r.body.items.map((i: { code: string; position: number }) => [i.code, i.position])).toEqual([
    ['XX2026-003', 1],
    ['XX2026-001', 2],
    ['XX2026-002', 3],
  ]);
  // Added after the reorder: it goes last, and the chat says so.
  expect(await h.say('office1', '学习资料 监督法要点')).toContain('XX2026-004《监督法要点》，排在待推送第 4 位');
  expect(await h.say('office1', '学习')).toMatch(
    /待推送\*\*\n- XX2026-003.*\n- XX2026-001.*\n- XX2026-002.*\n- XX2026-004/,
  );
});

it('refuses a reorder from a stale page (409) and writes nothing', async () => {
  const q = await queue();
  // Another page reordered first: this one's version is old.
  const stale = await office.post('/api/console/study/queue/order', { queue: codes(q), version: q.version - 1 });
  expect(stale.status).toBe(409);
  expect(stale.body.error).toMatchObject({
    code: 'study.queueChanged',
    message: expect.stringContaining('队列刚刚有变化'),
  });
  // The page did not know of an item added since: refused too.
  const missing = await office.post('/api/console/study/queue/order', {
    queue: codes(q).slice(0, 3),
    version: q.version,
  });
  expect(missing.status).toBe(409);
  const dup = await office.post('/api/console/study/queue/order', {
    queue: [...codes(q).slice(0, 3), codes(q)[0]],
    version: q.version,
  });
  expect(dup.status).toBe(409);
  expect(codes(await queue())).toEqual(codes(q));
  expect((await queue()).version).toBe(q.version);
  // Two pages reordering from the same view: one wins, the other is told.
  const [a, b] = await Promise.all([
    office.post('/api/console/study/queue/order', { queue: [...codes(q)].reverse(), version: q.version }),
    office.post('/api/console/study/queue/order', { queue: codes(q), version: q.version }),
  ]);
  expect([a.status, b.status].sort()).toEqual([200, 409]);
  const reordered = await office.post('/api/console/study/queue/order', {
    queue: ['XX2026-003', 'XX2026-001', 'XX2026-002', 'XX2026-004'],
    version: (await queue()).version,
  });
  expect(reordered.status).toBe(200);
});

it('edits a queued item with the chat’s rules, guarded by its version', async () => {
  const item = (await queue()).items.find((i) => i.code === 'XX2026-002')!;
  const bad = await office.put('/api/console/study/XX2026-002', {
    title: '宪法学习',
    link: 'ftp://example.com/x',
    version: item.version,
  });
  expect(bad.status).toBe(422);
  expect(bad.body.error.fields.link).toContain('要以 http:// 或 https:// 开头');
  const long = await office.put('/api/console/study/XX2026-002', { title: '长'.repeat(61), version: item.version });
  expect(long.body.error.fields.title).toContain('标题最长 60 字');
  const empty = await office.put('/api/console/study/XX2026-002', { title: ' ', version: item.version });
  expect(empty.body.error.fields.title).toBeDefined();
  expect(await h.models.StudyItem.findOne({ code: 'XX2026-002' }).lean()).toMatchObject({ title: '宪法学习' });

  const ok = await office.put('/api/console/study/xx2026-002', {
    title: '宪法学习（修订）',
    link: 'https://example.com/xianfa',
    version: item.version,
  });
  expect(ok.status).toBe(200);
  expect(ok.body).toMatchObject({ code: 'XX2026-002', title: '宪法学习（修订）', note: null, version: 1 });
  const stale = await office.put('/api/console/study/XX2026-002', { title: '又改', version: item.version });
  expect(stale.status).toBe(409);
  expect(stale.body.error.message).toContain('刚刚已被其他工作人员修改');
  expect((await office.put('/api/console/study/XX2026-099', { title: 'x', version: 0 })).status).toBe(404);
});

it('removes a queued item (stale version refused); it is never pushed', async () => {
  const item = (await queue()).items.find((i) => i.code === 'XX2026-004')!;
  const stale = await office.post('/api/console/study/XX2026-004/remove', { version: item.version + 1 });
  expect(stale.status).toBe(409);
  const removed = await office.post('/api/console/study/XX2026-004/remove', { version: item.version });
  expect(removed.status).toBe(200);
  expect(codes(removed.body)).toEqual(['XX2026-003', 'XX2026-001', 'XX2026-002']);
  expect((await office.post('/api/console/study/XX2026-004/remove', { version: item.version })).status).toBe(404);
});

it('pushes in the office’s order and shows who has and has not marked each pushed item', async () => {
  await tickAt('2026-11-25T10:00:00');
  expect(studyPushes().map((p) => p.content.split('\n')[0])).toEqual(['**本周学习资料** XX2026-003']);
  expect(await h.say('zhangsan', '已学 XX2026-003')).toContain('已记录');
  const r = await office.get('/api/console/study');
  expect(codes(r.body.queue)).toEqual(['XX2026-001', 'XX2026-002']);
  expect(r.body.pushed.deputies).toBe(3);
  expect(r.body.pushed.items).toEqual([
    expect.objectContaining({
      code: 'XX2026-003',
      learned: [{ userid: 'zhangsan', name: '张三', at: expect.any(String) }],
      notLearned: [
        { userid: 'lisi', name: '李四' },
        { userid: 'office1', name: '王主任' },
      ].sort((a, b) => a.name.localeCompare(b.name)),
    }),
  ]);
  // A pushed item can no longer be edited or taken out of the queue.
  const edit = await office.put('/api/console/study/XX2026-003', { title: '改标题', version: 0 });
  expect(edit.status).toBe(409);
  expect(edit.body.error).toMatchObject({
    code: 'study.alreadyPushed',
    message: expect.stringContaining('已经推送到群里了'),
  });
  expect((await office.post('/api/console/study/XX2026-003/remove', { version: 0 })).status).toBe(409);
});

it('refuses deputies and writes without the CSRF token', async () => {
  const before = await h.models.StudyItem.countDocuments({});
  expect((await deputy.get('/api/console/study')).status).toBe(403);
  expect((await deputy.post('/api/console/study', { title: '越权', requestId: rid() })).status).toBe(403);
  expect((await deputy.post('/api/console/study/queue/order', { queue: [], version: 0 })).status).toBe(403);
  expect((await deputy.post('/api/console/study/XX2026-001/remove', { version: 0 })).status).toBe(403);
  const noCsrf = await office.post('/api/console/study', { title: '无令牌', requestId: rid() }, { csrf: null });
  expect(noCsrf.status).toBe(403);
  expect((await office.post('/api/console/study/XX2026-001/remove', { version: 0 }, { csrf: null })).status).toBe(403);
  const bad = await office.post('/api/console/study', { title: '', requestId: rid() });
  expect(bad.status).toBe(422);
  // The chat's usage line (格式：学习资料 … 例：…) stays in the chat.
  expect(bad.body.error).toMatchObject({ code: 'study.titleMissing', fields: { title: '请填写标题。' } });
  expect(await h.models.StudyItem.countDocuments({})).toBe(before);
});
