import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ManualClock } from '../../src/clock';
import { ManualTimers } from '../../src/wecom/long-connection/timers';
import { launchChromium, listenOnLoopback, screenshot } from '../helpers/browser';
import { askOver, longConnectionEnv, messageBody, startFakeWecomWs, until } from '../helpers/fake-wecom-ws';
import { type Harness, createHarness } from '../helpers/harness';
import { ensureWebBuilt } from '../helpers/web-build';

// 系统 → 代表群 in a real browser: group pushes over the long connection wait until the office chooses a group.
jest.setTimeout(120_000);

let ws: Awaited<ReturnType<typeof startFakeWecomWs>>;
let h: Harness;
let web: { baseUrl: string; close(): Promise<void> };
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  ensureWebBuilt();
  ws = await startFakeWecomWs();
  const clock = new ManualClock('2026-11-22T10:00:00+08:00');
  h = await createHarness('push_group_browser', {
    clock,
    env: { ...longConnectionEnv(ws), WECOM_WEBHOOK_KEY: '' },
    compose: { timers: new ManualTimers(clock), instanceId: 'pg-browser' },
  });
  await h.addDeputy('zhangsan', '张三');
  await h.addDeputy('clerk', '赵干事', { isOffice: true });
  h.longConnection?.start();
  await until(() => h.longConnection?.health().link?.state === 'up', 'subscribed');
  for (const chatid of ['wr-test', 'wr-deputies'])
    await askOver(ws.fake, messageBody({ userid: 'zhangsan', chattype: 'group', chatid, text: '@代表助手 帮助' }));
  await h.services.notify.toGroup('browser:pg:1', '**通知** 周五下午代表小组活动');
  web = await listenOnLoopback(h.app);
  browser = await launchChromium();
  context = await browser.newContext({
    viewport: { width: 1280, height: 860 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  page = await context.newPage();
  const reply = await h.say('clerk', '登录', { chattype: 'single' });
  await page.goto(web.baseUrl + /\/console\/login\/[A-Za-z0-9_-]{20,}/.exec(reply)![0]);
  await page.waitForURL(`${web.baseUrl}/console/`);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await web?.close();
  await h?.close();
  await ws?.close();
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
