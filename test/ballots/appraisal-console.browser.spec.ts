import type { Page } from 'playwright-core';
import { screenshot } from '../helpers/browser';
import { type ConsoleInBrowser, openConsoleInBrowser } from '../helpers/console-browser';
import type { Harness } from '../helpers/harness';

// 部门评议 on the 票决 page in a real browser: the form (a field error first), the units' records beside turnout,
// 催投 by button, then each unit's ratings and 满意率 with their chart.
jest.setTimeout(180_000);

let s: ConsoleInBrowser;
let h: Harness;
let web: ConsoleInBrowser['web'];
let page: Page;
const single = { chattype: 'single' as const };

beforeAll(async () => {
  s = await openConsoleInBrowser('appraisal_browser', {
    now: '2026-12-01T10:00:00+08:00',
    env: { NOTIFY_CHANNEL: 'app', WECOM_AGENT_ID: '1000002', WECOM_CORP_SECRET: 'corp-secret-browser' },
  });
  ({ h, web } = s);
  for (const [id, name] of [
    ['zhangsan', '张三'],
    ['lisi', '李四'],
    ['wangwu', '王五'],
  ] as const)
    await h.addDeputy(id, name);
  await h.addDeputy('clerk', '赵干事', { isOffice: true });
  await h.say('zhangsan', '建议 村口路灯坏了很久了，晚上出行不便，请尽快维修', single);
  await h.say('clerk', '交办 YJ2026-001 单位：住建办', single);
  await h.say('clerk', '答复 YJ2026-001 A 已完成路灯维修', single);
  await h.say('zhangsan', '评价 YJ2026-001 满意', single);
  ({ page } = await s.signIn('clerk'));
});
afterAll(async () => s?.close());

const formItem = (label: string) =>
  page.locator('.el-form-item').filter({ has: page.locator('.el-form-item__label', { hasText: label }) });

it('opens a 部门评议 from the form, reminds non-voters, and shows each unit’s ratings beside its record', async () => {
  await page.locator('[data-test="nav"]').getByText('票决', { exact: true }).click();
  await page.waitForURL(`${web.baseUrl}/console/ballots`);
  await page.locator('[data-test="appraisal-of"]').getByText('部门评议').click();

  const deadline = formItem('截止时间').last().locator('input').first();
  await deadline.click();
  await deadline.fill('2026-12-20 18:00');
  await deadline.press('Enter');
  await page.locator('.page-title').click();
  // No unit yet: the error stands beside the units, and nothing is opened.
  await page.locator('[data-test="appraisal-open"]').click();
  await formItem('承办单位').locator('.el-form-item__error').waitFor();
  expect(await formItem('承办单位').locator('.el-form-item__error').innerText()).toBe('请至少填写一个承办单位。');
  expect(await h.models.Ballot.countDocuments()).toBe(0);

  await page.locator('[data-test="appraisal-units"]').click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: '住建办' }).first().click();
  await page.keyboard.type('派出所');
  await page.locator('.el-select-dropdown__item:visible', { hasText: '派出所' }).first().click();
  await page.locator('.page-title').click();
  await page.locator('[data-test="appraisal-open"]').click();
  await page.locator('[data-test="ballot-turnout"]').waitFor();
  expect(await h.models.Ballot.findOne({ code: 'PJ2026-001' }).lean()).toMatchObject({
    ratingOf: 'unit',
    candidates: ['住建办', '派出所'],
  });
  const records = await page.locator('[data-test="unit-records"] .el-table__row').allInnerTexts();
  expect(records.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
    '住建办 1 1 100.0% 0 100.0% 100.0%',
    '派出所 0 0 — — — —',
  ]);

  await h.say('zhangsan', '投票 PJ2026-001 满意 基本满意', single);
  await page.locator('[data-test="ballot-list"] .el-table__row').first().click();
  await page.getByText('已投 1 / 3 人').waitFor();
  await page.locator('[data-test="ballot-remind"]').click();
  await page.getByText('已私下提醒 2 位未投票的代表').waitFor();
  await screenshot(page, 'office-appraisal-open-1280');

  await h.say('lisi', '投票 PJ2026-001 不满意 基本满意', single);
  await page.locator('[data-test="ballot-close"]').click();
  await page.locator('.el-message-box button', { hasText: '结束' }).last().click();
  await page.locator('[data-test="rating-tally"]').waitFor();
  expect(await page.locator('[data-test="ballot-quorum"]').innerText()).toContain('超过全体代表的半数，测评有效');
  await page.locator('[data-test="ballot-detail"] canvas').first().waitFor();
  const tally = await page.locator('[data-test="rating-tally"] .el-table__row').allInnerTexts();
  expect(tally.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual(['1 住建办 1 0 1 50.0%', '2 派出所 0 2 0 100.0%']);
  expect(await page.locator('[data-test="ballot-download"]').getAttribute('href')).toBe(
    '/api/console/ballots/PJ2026-001/result.xlsx',
  );
  await screenshot(page, 'office-appraisal-closed-1280');
});
