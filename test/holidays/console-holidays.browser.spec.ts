import type { Locator, Page } from 'playwright-core';
import { screenshot } from '../helpers/browser';
import { type ConsoleInBrowser, openConsoleInBrowser } from '../helpers/console-browser';
import type { Harness } from '../helpers/harness';

// 节假日 in a real browser: in November, with next year unknown, the office enters next year's
// holidays and make-up working days with the date pickers, sees a refusal next to the fields, saves.
jest.setTimeout(120_000);

let s: ConsoleInBrowser;
let h: Harness;
let page: Page;

beforeAll(async () => {
  s = await openConsoleInBrowser('console_holidays_browser', { now: '2026-11-23T10:00:00+08:00' });
  ({ h } = s);
  await h.addDeputy('clerk', '赵干事', { isOffice: true });
  ({ page } = await s.signIn('clerk', { height: 900, fixedTime: h.clock.now() }));
});
afterAll(async () => s?.close());

async function expectText(locator: Locator, text: string): Promise<void> {
  await locator.first().waitFor();
  const deadline = Date.now() + 15_000;
  let last = '';
  while (Date.now() < deadline) {
    last = await locator.first().innerText();
    if (last.includes(text)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`expected "${text}" in: ${last}`);
}

// The make-up days' calendar only: the range picker's panel may still be fading out (visible) meanwhile.
const panel = () => page.locator('.el-picker-panel.el-date-picker:visible');

/** A holiday as a range: both ends typed into the range picker, then 加入放假日期. */
async function addRange(from: string, to: string): Promise<void> {
  const inputs = page.locator('[data-test="holidays-off-item"] .el-range-input');
  await inputs.nth(0).fill(from);
  await inputs.nth(1).fill(to);
  await inputs.nth(1).press('Enter');
  await page.locator('[data-test="holidays-add-range"]').click();
}

/** Clicks days of one month in the make-up days' calendar (it opens on January of the year). */
async function pickOnDays(monthsAhead: number, days: number[]): Promise<void> {
  await page.locator('[data-test="holidays-on-item"] input').click();
  for (let i = 0; i < monthsAhead; i++) await panel().locator('button.arrow-right').first().click();
  for (const d of days)
    await panel()
      .locator('td.available:not(.prev-month):not(.next-month)')
      .filter({ hasText: new RegExp(`^\\s*${d}\\s*$`) })
      .click();
  await panel().locator('.el-picker-panel__footer button:visible').last().click();
}

it('enters next year from the warning, shows a refusal next to the fields, saves and shows it', async () => {
  await page.locator('[data-test="nav"]').getByText('节假日').click();
  await page.waitForURL(/\/console\/holidays$/);
  await expectText(page.locator('[data-test="holidays-source"]'), '内置的国务院办公厅通知数据');
  await expectText(page.locator('[data-test="holidays-known-off"]'), '1月1日—1月3日');
  await expectText(page.locator('[data-test="holidays-missing"]'), '2027 年的法定节假日安排还没有录入');
  await page.locator('[data-test="holidays-missing"]').getByRole('button', { name: '录入 2027 年' }).click();
  await expectText(page.locator('[data-test="holidays-source"]'), '尚未录入');

  await addRange('2027-01-01', '2027-01-03');
  await addRange('2027-02-15', '2027-02-21');
  await expectText(page.locator('[data-test="holidays-off-tags"]'), '2月15日—2月21日');
  // Feb 14 and 28 are Sundays; Feb 15 is also a day off: the server refuses, next to both fields.
  await pickOnDays(1, [14, 15, 28]);
  await expectText(page.locator('[data-test="holidays-on-tags"]'), '2月28日（周日）');
  await page.locator('[data-test="holidays-save"]').click();
  await expectText(page.locator('[data-test="holidays-on-item"] .el-form-item__error'), '既是放假日期又是调休上班日期');
  await expectText(page.locator('[data-test="holidays-off-item"] .el-form-item__error'), '2027-02-15');
  await screenshot(page, 'holidays-refused-1280');
  expect((await page.locator('[data-test="holidays-source"]').innerText()).trim()).toBe('尚未录入');

  await page
    .locator('[data-test="holidays-on-tags"] .el-tag')
    .filter({ hasText: '2月15日' })
    .locator('.el-tag__close')
    .click();
  await page.locator('[data-test="holidays-save"]').click();
  await expectText(page.locator('[data-test="holidays-source"]'), '人大办录入');
  await expectText(page.locator('[data-test="holidays-known"]'), '赵干事');
  await expectText(page.locator('[data-test="holidays-known-off"]'), '1月1日—1月3日，2月15日—2月21日');
  await expectText(page.locator('[data-test="holidays-known-on"]'), '2月14日（周日），2月28日（周日）');
  expect(await page.locator('[data-test="holidays-missing"]').count()).toBe(0);
  // The field errors fade out once the save went through.
  await page.locator('.el-form-item__error').first().waitFor({ state: 'detached' });
  await screenshot(page, 'holidays-saved-1280');

  // Stored for every working-day calculation: the chat shows the same entry.
  const shown = await h.say('clerk', '节假日 2027');
  expect(shown).toContain('2月15日-2月21日');
  expect(shown).toContain('赵干事');
});
