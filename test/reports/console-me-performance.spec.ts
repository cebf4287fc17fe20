import { signIn } from '../helpers/console';
import { type Harness, createHarness } from '../helpers/harness';
import { seedPerformanceYear } from '../helpers/performance-year';

// A deputy's own 履职 page: the same figures and words as the 履职 command and the register.

let h: Harness;
beforeAll(async () => {
  h = await createHarness('console-me-performance', { officeUserIds: ['office1'] });
  await seedPerformanceYear(h);
}, 60_000);
afterAll(async () => h.close());

it('shows the year with the 履职 command lines and the register figures', async () => {
  const chat = (await h.say('zhangsan', '履职')).split('\n');
  const me = await signIn(h, 'zhangsan');
  const r = await me.get('/api/console/me/performance');
  expect(r.status).toBe(200);
  expect(r.body.year).toBe(2026);
  expect(r.body.title).toBe(chat[0]!.replace(/\*\*/g, ''));
  expect(r.body.lines).toEqual(chat.slice(1, 6));
  const register = await h.services.performance.register(2026);
  const mine = register.find((e) => e.deputy.userid === 'zhangsan')!.record;
  expect(r.body.figures).toEqual(
    JSON.parse(
      JSON.stringify({
        opinions: mine.opinions,
        activities: mine.activities,
        meetings: mine.meetings,
        shifts: mine.shifts,
        study: mine.study,
      }),
    ),
  );
  expect(r.body.items[0]).toMatchObject({ kind: 'opinion', kindLabel: '提出意见建议', code: 'YJ2026-001' });
  expect(r.body.years[0]).toBe(2026);
});

it('shows an earlier year as the chat does, and refuses a year out of range', async () => {
  const me = await signIn(h, 'zhangsan');
  const chat = (await h.say('zhangsan', '履职 2025')).split('\n');
  const r = await me.get('/api/console/me/performance?year=2025');
  expect(r.body.title).toBe('张三 2025年履职记录');
  expect(r.body.lines).toEqual(chat.slice(1, 6));
  const future = await me.get('/api/console/me/performance?year=2030');
  expect(future.status).toBe(422);
  expect(future.body.error).toMatchObject({
    code: 'records.badYear',
    message: '2030 年不是可查询的年份：请选 2000 到 2026 之间的年份。',
    fields: { year: expect.stringContaining('2030') },
  });
  const bad = await me.get('/api/console/me/performance?year=abc');
  expect(bad.status).toBe(400);
  expect(bad.body.error.fields.year).toContain('年份');
});

it('is only ever the signed-in person’s own record', async () => {
  expect((await h.request.get('/api/console/me/performance')).status).toBe(401);
  const li = await signIn(h, 'lisi');
  const r = await li.get('/api/console/me/performance?userid=zhangsan');
  expect(r.body.name).toBe('李四');
});
