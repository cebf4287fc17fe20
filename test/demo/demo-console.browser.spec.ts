import { ManualClock } from '../helpers/clocks';
import type { Browser } from 'playwright-core';
import { launchChromium, screenshot } from '../helpers/browser';
import { type DemoApp, startDemoApp } from '../helpers/demo-app';
import { ensureWebBuilt } from '../helpers/web-build';

// Demo mode as `npm start` runs it without WeCom settings: the simulator's "打开工作台" button signs
// the chosen person in to the console through a one-time link.
jest.setTimeout(90_000);

let demo: DemoApp;
let base: string;
let browser: Browser;

beforeAll(async () => {
  ensureWebBuilt();
  demo = await startDemoApp('demo_console', { clock: new ManualClock('2026-11-23T09:30:00+08:00') });
  ({ base } = demo);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

it('opens the console signed in as the person chosen in the simulator', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    await page.goto(`${base}/demo`);
    const sender = page.locator('#sender');
    await sender.locator('option').first().waitFor({ state: 'attached' });
    // The first person of the 人大办工作人员 group.
    const office = page.locator('#sender optgroup[label="人大办工作人员"] option').first();
    const name = (await office.innerText()).replace(/（.*$/, '');
    await sender.selectOption(await office.getAttribute('value'));
    const [popup] = await Promise.all([context.waitForEvent('page'), page.locator('#open-console').click()]);
    await popup.waitForURL(`${base}/console/`);
    await popup.locator('[data-test="who"]').waitFor();
    expect(await popup.locator('[data-test="who"]').innerText()).toBe(name);
    await popup.locator('[data-test="counts"]').waitFor();
    await screenshot(popup, 'demo-console-1280');
  } finally {
    await context.close();
  }
});

it('makes links in replies clickable: the sign-in link opens the console', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  try {
    // The page signs its messages with its own clock: the app's (manual) time, or the callback refuses them.
    await context.clock.setFixedTime(new Date('2026-11-23T09:30:00+08:00'));
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    await page.goto(`${base}/demo`);
    await page.locator('#sender option').first().waitFor({ state: 'attached' });
    await page.locator('#status').filter({ hasNotText: '连接中' }).waitFor();
    await page.locator('#mode-single').click();
    await page.locator('#text').fill('登录');
    await page.locator('#composer button[type="submit"]').click();
    const link = page.locator('#log .row.in .bubble a').last();
    await link.waitFor().catch(async (err: unknown) => {
      throw new Error(`${String(err)}\nthe chat shows:\n${await page.locator('#log').innerHTML()}`);
    });
    const href = await link.getAttribute('href');
    expect(href).toMatch(new RegExp(`^${base}/console/login/[A-Za-z0-9_-]{20,}$`));
    // The whole address is the link (not the Chinese words after it), opening in a new tab.
    expect(await link.innerText()).toBe(href);
    expect(await link.getAttribute('target')).toBe('_blank');
    await screenshot(page, 'demo-reply-link-1280');
    const [popup] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await popup.waitForURL(/\/console\/login\//);
    await popup.getByRole('button').first().waitFor();
    // The favicon is served (no 404 for the browser to report), on the simulator page too.
    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }
});
