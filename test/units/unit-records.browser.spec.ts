import { screenshot } from '../helpers/browser';
import { type ConsoleInBrowser, openConsoleInBrowser } from '../helpers/console-browser';
import type { Harness } from '../helpers/harness';

// 单位办理 in a real browser: the office opens each unit's record from the menu and follows a unit to its cases.
jest.setTimeout(120_000);

let s: ConsoleInBrowser;
let h: Harness;
const at = (s: string) => h.clock.set(`${s}+08:00`);

beforeAll(async () => {
  // The browser's own clock decides which year the page opens on: the cases are in this (real) year.
  const year = new Date().getFullYear();
  s = await openConsoleInBrowser('unit_records_browser', { now: `${year}-01-05T10:00:00+08:00` });
  ({ h } = s);
  await h.addDeputy('zhangsan', '张三');
  await h.addDeputy('clerk', '赵干事', { isOffice: true });
  for (const text of ['村口路灯坏了', '河边垃圾堆积', '老街消防通道被占用'])
    await h.say('zhangsan', `建议 ${text}，请尽快处理`);
  await h.say('clerk', '交办 1 单位：住建办');
  await h.say('clerk', '交办 2 单位：住建办');
  await h.say('clerk', `交办 3 单位：派出所 期限：${year}-01-07`);
  at(`${year}-01-09T10:00:00`);
  await h.say('clerk', '答复 1 A 已修复');
  await h.say('zhangsan', '评价 1 满意');
});
afterAll(async () => s?.close());

it('shows each unit’s record for the year and links a unit to its cases', async () => {
  const { context, page } = await s.signIn('clerk');
  try {
    await page.locator('[data-test="nav"]').getByText('单位办理').click();
    await page.waitForURL(/\/console\/unit-records/);
    const table = page.locator('[data-test="unit-records"]');
    await table.getByText('派出所').waitFor();
    const rows = table.locator('.el-table__body-wrapper tr');
    expect(await rows.count()).toBe(2);
    // Most cases first: 住建办 (2 received, 1 answered, 满意), then 派出所 (overdue, nothing answered).
    const first = (await rows.nth(0).innerText()).split(/\s+/);
    expect(first.slice(0, 4)).toEqual(['住建办', '2', '1', '1']);
    expect(first).toContain('100.0%');
    const second = (await rows.nth(1).innerText()).split(/\s+/);
    expect(second.slice(0, 5)).toEqual(['派出所', '1', '0', '0', '1']);
    expect(second).toContain('—');
    await expect(page.getByText('解决率 = A ÷ 已答复').isVisible()).resolves.toBe(true);
    await screenshot(page, 'unit-records-1280');
    await table.getByRole('link', { name: '派出所' }).click();
    await page.waitForURL(/\/console\/opinions\?.*unit=/);
    await page.locator('[data-test="total"]').getByText('共 1 件').waitFor();
  } finally {
    await context.close();
  }
});
