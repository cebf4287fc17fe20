import type { Browser } from 'playwright-core';
import { ManualClock } from '../../src/clock';
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
