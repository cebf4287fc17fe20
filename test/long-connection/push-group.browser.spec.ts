import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, listenOnLoopback, screenshot, signedInPage } from '../helpers/browser';
import { askOver, messageBody, type startFakeWecomWs } from '../helpers/fake-wecom-ws';
import type { Harness } from '../helpers/harness';
import { createLongConnectionHarness } from '../helpers/long-connection-harness';
import { ensureWebBuilt } from '../helpers/web-build';

// 系统 → 代表群 in a real browser: group pushes over the long connection wait until the office chooses a group.
jest.setTimeout(120_000);

let ws: Awaited<ReturnType<typeof startFakeWecomWs>>;
let h: Harness;
let web: { baseUrl: string; close(): Promise<void> };
let browser: Browser;
let context: BrowserContext;
let page: Page;
let close: () => Promise<void>;

beforeAll(async () => {
  ensureWebBuilt();
  ({ ws, h, close } = await createLongConnectionHarness('push_group_browser', {
    now: '2026-11-22T10:00:00+08:00',
    instanceId: 'pg-browser',
  }));
  await h.addDeputy('zhangsan', '张三');
  await h.addDeputy('clerk', '赵干事', { isOffice: true });
  for (const chatid of ['wr-test', 'wr-deputies'])
    await askOver(ws.fake, messageBody({ userid: 'zhangsan', chattype: 'group', chatid, text: '@代表助手 帮助' }));
  await h.services.notify.toGroup('browser:pg:1', '**通知** 周五下午代表小组活动');
  web = await listenOnLoopback(h.app);
  browser = await launchChromium();
  ({ context, page } = await signedInPage(browser, h, web.baseUrl, 'clerk'));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await web?.close();
  await close?.();
});

it('says no group is chosen and how many pushes wait; choosing one sends them to that group only', async () => {
  await page.locator('[data-test="nav"]').getByText('系统').click();
  await page.waitForURL(`${web.baseUrl}/console/system`);
  const card = page.locator('[data-test="push-group"]');
  await card.locator('[data-test="push-group-none"]').getByText('1 条群推送正在等待').waitFor();
  await screenshot(page, 'office-system-push-group-none-1280');

  await card.locator('[data-test="push-group-select"]').click();
  await page.locator('.el-select-dropdown__item').filter({ hasText: 'wr-deputies' }).click();
  await card.locator('[data-test="push-group-choose"]').click();
  await page.getByText('已设为代表群').first().waitFor();
  await card.locator('[data-test="push-group-current"]').getByText('wr-deputies').waitFor();
  expect(await card.locator('[data-test="push-group-current"]').innerText()).toContain('由 赵干事 设定');
  await screenshot(page, 'office-system-push-group-chosen-1280');

  const from = ws.fake.frames.length;
  expect(await h.drain()).toMatchObject({ sent: 1 });
  const sends = ws.fake.frames.slice(from).filter((f) => f.cmd === 'aibot_send_msg');
  expect(sends.map((f) => f.body?.chatid)).toEqual(['wr-deputies']);
});
