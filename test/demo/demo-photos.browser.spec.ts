import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot } from '../helpers/browser';
import { type DemoApp, startDemoApp } from '../helpers/demo-app';
import { makePhoto } from '../helpers/photos';

// Demo mode's simulator: the person picks a picture, the page has this app's fake WeCom serve it
// encrypted, sends the image (or mixed) message, and the bot fetches it through the same path as in production.
jest.setTimeout(90_000);

let demo: DemoApp;
let base: string;
let browser: Browser;

beforeAll(async () => {
  demo = await startDemoApp('demo_photos');
  ({ base } = demo);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

const replies = (page: Page) => page.locator('#log .row.in .bubble').count();

/** Waits for a reply bubble after the first `after` ones that contains `text`. */
async function botSays(page: Page, text: string, after: number): Promise<void> {
  await page
    .waitForFunction(
      ([t, n]) =>
        Array.from(document.querySelectorAll('#log .row.in .bubble'))
          .slice(n)
          .some((b) => (b.textContent ?? '').includes(t)),
      [text, after] as const,
      { timeout: 20_000 },
    )
    .catch(async (err: unknown) => {
      throw new Error(`${String(err)}\nthe chat shows:\n${await page.locator('#log').innerText()}`);
    });
}

it('sends a picture one-to-one, then 建议 takes it; a group message files text and picture together', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    await page.goto(`${base}/demo`);
    await page.locator('#sender option').first().waitFor({ state: 'attached' });
    await page.locator('#status').filter({ hasNotText: '连接中' }).waitFor();

    await page.locator('#mode-single').click();
    const jpeg = { name: 'bridge.jpg', mimeType: 'image/jpeg', buffer: await makePhoto({ width: 400, height: 300 }) };
    let seen = await replies(page);
    await page.locator('#picture').setInputFiles(jpeg);
    await botSays(page, '已收到 1 张照片', seen);
    await page.locator('#text').fill('建议 北桥栏杆断了两根，很危险，请尽快修好');
    seen = await replies(page);
    await page.locator('#composer button[type="submit"]').click();
    await botSays(page, '已附 1 张照片', seen);

    await page.locator('#mode-group').click();
    await page.locator('#text').fill('民意 东村路口的红绿灯坏了一周，孩子上学过马路很危险');
    const png = {
      name: 'light.png',
      mimeType: 'image/png',
      buffer: await makePhoto({ png: true, color: [0, 90, 200] }),
    };
    seen = await replies(page);
    await page.locator('#picture').setInputFiles(png);
    await botSays(page, '已附 1 张照片', seen);
    expect(await page.locator('#log .row.out .bubble').last().innerText()).toContain('[图片] light.png');
    await screenshot(page, 'demo-simulator-photos');

    const photos = await demo.db.connection
      .collection('opinions')
      .find({ photos: { $exists: true } })
      .toArray();
    expect(photos.map((o) => (o.photos as unknown[]).length)).toEqual([1, 1]);
  } finally {
    await context.close();
  }
});
