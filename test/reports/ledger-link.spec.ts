import { ManualClock } from '../helpers/clocks';
import { signIn } from '../helpers/console';
import { createHarness, type Harness } from '../helpers/harness';

// Callback mode (no long connection): 导出 answers with the console's download link, opened signed in.
let h: Harness;

beforeAll(async () => {
  h = await createHarness('ledger_link', { clock: new ManualClock('2026-11-22T10:00:00+08:00') });
  await h.addDeputy('d1', '张三');
  await h.addDeputy('office1', '李主任', { isOffice: true });
});
afterAll(() => h.close());

it('导出 台账 2026 one-to-one answers with a console link that downloads the ledger for the signed-in office', async () => {
  expect(await h.say('d1', '建议 村口路灯坏了三个月，请尽快维修')).toContain('YJ2026-001');
  const reply = await h.say('office1', '导出 台账 2026', { chattype: 'single' });
  expect(reply).toContain('请在已登录工作台的浏览器中打开链接下载');
  const path = /\/api\/console\/exports\/opinions\.xlsx\?year=2026/.exec(reply)?.[0];
  expect(path).toBeDefined();
  // Nothing is queued: the reply itself carries the way to the file.
  expect(await h.models.OutboxItem.countDocuments({ key: /^ledger:/ })).toBe(0);

  expect((await h.request.get(path!)).status).toBe(401);
  const office = await signIn(h, 'office1');
  const file = await office.get(path!).buffer(true);
  expect(file.status).toBe(200);
  expect(file.headers['content-type']).toContain('spreadsheetml');
  expect(String(file.headers['content-disposition'])).toContain(encodeURIComponent('意见建议台账-2026'));
});

it('the other ledgers get their own links; a group or a deputy is refused', async () => {
  expect(await h.say('office1', '导出 履职 2026', { chattype: 'single' })).toContain(
    '/api/console/exports/performance.xlsx?year=2026',
  );
  expect(await h.say('office1', '导出 活动 2025', { chattype: 'single' })).toContain(
    '/api/console/exports/events.xlsx?year=2025',
  );
  expect(await h.say('office1', '导出 台账 2026')).toContain('台账只发给本人');
  expect(await h.say('d1', '导出 台账 2026', { chattype: 'single' })).toContain('只有人大办工作人员可以使用');
});
