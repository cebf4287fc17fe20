import type { Page } from 'playwright-core';
import { screenshot } from '../helpers/browser';
import { type ConsoleInBrowser, openConsoleInBrowser } from '../helpers/console-browser';
import type { Harness } from '../helpers/harness';

// The 票决 page in a real browser: open a ballot (a field error first), watch turnout, close it, read the tally.
jest.setTimeout(180_000);

let s: ConsoleInBrowser;
let h: Harness;
let web: ConsoleInBrowser['web'];
let page: Page;
const single = { chattype: 'single' as const };

beforeAll(async () => {
  s = await openConsoleInBrowser('ballots_browser', { now: '2026-12-01T10:00:00+08:00' });
  ({ h, web } = s);
  await h.addDeputy('zhangsan', '张三');
  await h.addDeputy('lisi', '李四');
  await h.addDeputy('wangwu', '王五');
  await h.addDeputy('clerk', '赵干事', { isOffice: true });
  ({ page } = await s.signIn('clerk', { height: 900 }));
});
afterAll(async () => s?.close());

const field = (name: string, tag: 'input' | 'textarea') =>
  page.locator(`${tag}[data-test="${name}"], [data-test="${name}"] ${tag}`);
const formItem = (label: string) =>
  page.locator('.el-form-item').filter({ has: page.locator('.el-form-item__label', { hasText: label }) });

it('opens a ballot, shows turnout while open, and the tally with its chart once closed', async () => {
  await page.locator('[data-test="nav"]').getByText('票决', { exact: true }).click();
  await page.waitForURL(`${web.baseUrl}/console/ballots`);

  await field('ballot-title', 'input').fill('2027年民生实事项目');
  await field('ballot-candidates', 'textarea').fill('村道硬化\n饮水改造\n养老服务站');
  // No deadline yet: the error stands beside its field, and nothing is opened.
  await page.locator('[data-test="ballot-open"]').click();
  await formItem('截止时间').locator('.el-form-item__error').waitFor();
  expect(await formItem('截止时间').locator('.el-form-item__error').innerText()).toContain('截止时间');
  expect(await h.models.Ballot.countDocuments()).toBe(0);

  const deadline = formItem('截止时间').locator('input').first();
  await deadline.click();
  await deadline.fill('2026-12-10 18:00');
  await deadline.press('Enter');
  await page.locator('.page-title').click();
  await page.locator('[data-test="ballot-choose"] input').fill('2');
  await page.locator('[data-test="ballot-open"]').click();
  await page.locator('[data-test="ballot-turnout"]').waitFor();
  expect(await page.locator('[data-test="ballot-turnout"]').innerText()).toContain('已投 0 / 3 人');
  expect(await h.models.Ballot.findOne({ code: 'PJ2026-001' }).lean()).toMatchObject({ choose: 2 });

  await h.say('zhangsan', '投票 PJ2026-001 1 3', single);
  await h.say('lisi', '投票 PJ2026-001 1 2', single);
  await page.locator('[data-test="ballot-list"] .el-table__row').first().click();
  await page.getByText('已投 2 / 3 人').waitFor();
  await page.getByText('未投：王五').waitFor();
  await screenshot(page, 'office-ballot-open-1280');

  await page.locator('[data-test="ballot-close"]').click();
  await page.locator('.el-message-box button', { hasText: '结束' }).last().click();
  await page.locator('[data-test="ballot-quorum"]').waitFor();
  expect(await page.locator('[data-test="ballot-quorum"]').innerText()).toContain('超过全体代表的半数，票决有效');
  await page.locator('[data-test="ballot-detail"] canvas').first().waitFor();
  const tally = await page.locator('[data-test="ballot-tally"] .el-table__row').allInnerTexts();
  expect(tally.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
    '1 村道硬化 2 当选',
    '2 饮水改造 1 票数相同，需另行决定',
    '3 养老服务站 1 票数相同，需另行决定',
  ]);
  expect(await page.locator('[data-test="ballot-download"]').getAttribute('href')).toBe(
    '/api/console/ballots/PJ2026-001/result.xlsx',
  );
  await screenshot(page, 'office-ballot-closed-1280');
});
