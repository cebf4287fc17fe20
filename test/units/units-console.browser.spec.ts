import type { Browser } from 'playwright-core';
import { launchChromium, listenOnLoopback, screenshot, signedInPage } from '../helpers/browser';
import { type Harness, createHarness } from '../helpers/harness';
import { ensureWebBuilt } from '../helpers/web-build';

// The units' loop in a real browser: the office names a contact on the roster page's 承办单位 tab; the contact,
// signed in with 登录, sees only the unit's cases and answers with a class; the office approves on the case page.
jest.setTimeout(120_000);

let h: Harness;
let web: { baseUrl: string; close(): Promise<void> };
let browser: Browser;
let code: string;

beforeAll(async () => {
  ensureWebBuilt();
  h = await createHarness('units_console_browser');
  web = await listenOnLoopback(h.app);
  browser = await launchChromium();
  await h.addDeputy('zhangsan', '张三');
  await h.addDeputy('clerk', '赵干事', { isOffice: true });
  code = /YJ\d{4}-\d{3}/.exec(await h.say('zhangsan', '建议 东村桥面有裂缝，雨天积水，联系人 13812345678'))![0];
  await h.say('zhangsan', '建议 南村派出所门口停车混乱，需要划线');
});
afterAll(async () => {
  await browser?.close();
  await web?.close();
  await h?.close();
});

it('the office adds a contact on the 承办单位 tab', async () => {
  const { context, page } = await signedInPage(browser, h, web.baseUrl, 'clerk');
  try {
    await page.locator('[data-test="nav"]').getByText('代表名册').click();
    await page.waitForURL(/\/console\/roster/);
    await page.locator('[data-test="roster-tabs"]').getByText('承办单位').click();
    await page.locator('input[data-test="contact-unit"]').fill('住建办');
    await page.locator('input[data-test="contact-userid"]').fill('zj01');
    await page.locator('input[data-test="contact-name"]').fill('陈工');
    await page.locator('[data-test="contact-add"]').click();
    await page.locator('[data-test="contact-zj01"]').waitFor();
    // A bad account is refused beside its field, nothing added.
    await page.locator('input[data-test="contact-userid"]').fill('bad id');
    await page.locator('input[data-test="contact-name"]').fill('某人');
    await page.locator('[data-test="contact-add"]').click();
    await page.locator('.el-form-item__error').first().waitFor();
    await screenshot(page, 'units-contacts-tab-1280');
    expect(await h.models.HandlingUnit.countDocuments({ 'contacts.userid': 'bad id' })).toBe(0);
  } finally {
    await context.close();
  }
  await h.say('clerk', `交办 ${code} 单位：住建办`);
  await h.say('clerk', '交办 2 单位：派出所');
});

it('the contact sees only the unit’s cases and answers with a class; the office approves', async () => {
  // A contact's sign-in lands on their 待办, not the office's overview.
  const unit = { context: await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' }) };
  try {
    const page = await unit.context.newPage();
    const reply = await h.say('zj01', '登录', { chattype: 'single' });
    await page.goto(web.baseUrl + /\/console\/login\/[A-Za-z0-9_-]{20,}/.exec(reply)![0]);
    await page.waitForURL(/\/console\/unit$/);
    const table = page.locator('[data-test="unit-cases"]');
    await table.getByText(code).waitFor();
    expect(await table.innerText()).not.toContain('YJ2026-002');
    expect(await page.locator('[data-test="nav"]').innerText()).not.toContain('意见建议');
    await screenshot(page, 'units-contact-list-1280');
    await table.getByRole('link', { name: code }).click();
    await page.waitForURL(new RegExp(`/console/unit/${code}$`));
    expect(await page.locator('[data-test="case-text"]').innerText()).not.toContain('13812345678');
    await page.locator('[data-test="act-answer"]').click();
    await page.locator('textarea[data-test="answer-text"]').fill('已列入维修计划，本周设警示牌');
    await page.locator('[data-test="resolution-B"]').click();
    await page.locator('[data-test="answer-submit"]').click();
    await page.locator('[data-test="pending"]').waitFor();
    await screenshot(page, 'units-contact-case-1280');
    // Another unit's case does not exist for them, even typed into the address bar.
    await page.goto(`${web.baseUrl}/console/unit/YJ2026-002`);
    await page.locator('.el-alert--error').waitFor();
    // Nor do the office's pages.
    await page.goto(`${web.baseUrl}/console/opinions`);
    await page.waitForURL(/\/console\/unit$/);
  } finally {
    await unit.context.close();
  }

  const office = await signedInPage(browser, h, web.baseUrl, 'clerk');
  try {
    const { page } = office;
    await page.goto(`${web.baseUrl}/console/opinions?due=review`);
    await page.locator('[data-test="pending-review"]').first().waitFor();
    await page.getByRole('link', { name: code }).click();
    await page.locator('[data-test="pending-answer"]').waitFor();
    expect(await page.locator('[data-test="pending-answer"]').innerText()).toContain('B 正在解决');
    await screenshot(page, 'units-office-review-1280');
    await page.locator('[data-test="act-approve"]').click();
    await page.locator('.el-message-box__btns .el-button--primary').click();
    await page.locator('[data-test="case-status"]').getByText('已答复').waitFor();
    await page.locator('[data-test="round-resolution"]').getByText('B 正在解决').waitFor();
  } finally {
    await office.context.close();
  }
  const o = (await h.models.Opinion.findOne({ code }).lean())!;
  expect(o).toMatchObject({ status: '已答复', resolution: 'B', answer: '已列入维修计划，本周设警示牌' });
});
