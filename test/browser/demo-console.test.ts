import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { loadConfig } from '../../config';
import { ManualClock } from '../../src/clock';
import { type Composed, composeApp } from '../../src/compose';
import { createLogger } from '../../src/logger';
import { launchChromium, screenshot } from '../helpers/browser';
import { openTestDatabase, type TestDatabase } from '../helpers/db';
import { ensureWebBuilt } from '../helpers/web-build';

// Demo mode as `npm start` runs it without WeCom settings: the simulator's "打开工作台" button signs
// the chosen person in to the console through a one-time link.
jest.setTimeout(90_000);

let db: TestDatabase;
let composed: Composed;
let server: http.Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  ensureWebBuilt();
  db = await openTestDatabase('demo_console');
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'silent',
    JOBS_ENABLED: 'false',
  });
  expect(config.demo).toBe(true);
  composed = await composeApp({
    config,
    connection: db.connection,
    log: createLogger({ level: 'silent' }),
    clock: new ManualClock('2026-11-23T09:30:00+08:00'),
  });
  server = http.createServer(composed.app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  composed.start(port);
  await composed.sender.stop();
  base = `http://127.0.0.1:${port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await composed?.stop();
  await db?.drop();
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
