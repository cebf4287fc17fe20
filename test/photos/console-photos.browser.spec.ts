import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, listenOnLoopback, screenshot } from '../helpers/browser';
import { type Harness, createHarness } from '../helpers/harness';
import { makePhoto, sendBotMixed, servePhoto } from '../helpers/photos';
import { ensureWebBuilt } from '../helpers/web-build';

// The case page's photos in a real browser: thumbnails, the full picture on click, the location for the
// office; the filer sees the thumbnails without the location. And the overview shows the digest picture.
jest.setTimeout(120_000);

let h: Harness;
let web: { baseUrl: string; close(): Promise<void> };
let browser: Browser;
const contexts: BrowserContext[] = [];
let code: string;

/** Each person signs in in a browser of their own (one browser holding two people's sessions asks before switching). */
async function signedInPage(userid: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  contexts.push(context);
  const page = await context.newPage();
  const reply = await h.say(userid, '登录', { chattype: 'single' });
  const link = /\/console\/login\/[A-Za-z0-9_-]{20,}/.exec(reply)?.[0];
  if (!link) throw new Error(`no login link in the reply: ${reply}`);
  await page.goto(web.baseUrl + link);
  await page.waitForURL(`${web.baseUrl}/console/**`);
  return page;
}

beforeAll(async () => {
  ensureWebBuilt();
  h = await createHarness('console_photos_browser', {
    // Filed last week, so the Monday digest's picture has something to draw.
    now: '2026-11-18T10:00:00+08:00',
    tunables: { photos: { allowLoopbackHttp: true } },
  });
  web = await listenOnLoopback(h.app);
  browser = await launchChromium();
  await h.addDeputy('clerk', '赵干事', { isOffice: true });
  await h.addDeputy('zhang', '张三');
  const images = [
    await makePhoto({ width: 800, height: 600, color: [180, 60, 40], gps: true }),
    await makePhoto({ width: 600, height: 800, color: [40, 120, 180] }),
    await makePhoto({ width: 640, height: 480, color: [60, 160, 60], png: true }),
  ].map((bytes) => ({ url: servePhoto(h, bytes).url }));
  const reply = await sendBotMixed(h, 'zhang', '建议 北桥栏杆断了两根，很危险，请尽快修好 #城乡建设', images);
  code = /YJ\d{4}-\d{3}/.exec(reply)![0];
  h.clock.set(new Date('2026-11-23T10:00:00+08:00'));
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await web?.close();
  await h?.close();
});

/** Every thumbnail on the page has loaded a real image. */
async function thumbnailsLoaded(page: Page, n: number): Promise<void> {
  const imgs = page.locator('[data-test="case-photo"] img');
  await imgs.nth(n - 1).waitFor();
  expect(await imgs.count()).toBe(n);
  await page.waitForFunction(
    (count) => {
      const all = Array.from(document.querySelectorAll<HTMLImageElement>('[data-test="case-photo"] img'));
      return all.length === count && all.every((i) => i.complete && i.naturalWidth > 0);
    },
    n,
    { timeout: 15_000 },
  );
}

it('the office sees the thumbnails with the location, and the full photo on click', async () => {
  const page = await signedInPage('clerk');
  await page.goto(`${web.baseUrl}/console/opinions/${code}`);
  await thumbnailsLoaded(page, 3);
  expect(await page.locator('[data-test="photo-gps"]').count()).toBe(1);
  expect(await page.locator('[data-test="photo-gps"]').innerText()).toContain('31.24');
  await screenshot(page, 'console-case-photos');

  await page.locator('[data-test="case-photo"] img').first().click();
  const viewer = page.locator('.el-image-viewer__canvas img');
  await viewer.waitFor();
  await page.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('.el-image-viewer__canvas img');
    return Boolean(img?.complete && img.naturalWidth === 800);
  });
  expect(await viewer.getAttribute('src')).toMatch(/\/photos\/[0-9a-f]{64}\/full$/);
  await screenshot(page, 'console-case-photo-full');
  await page.close();
});

it('the filer sees the thumbnails on their own case, without the location', async () => {
  const page = await signedInPage('zhang');
  await page.goto(`${web.baseUrl}/console/me/${code}`);
  await thumbnailsLoaded(page, 3);
  expect(await page.locator('[data-test="photo-gps"]').count()).toBe(0);
  await screenshot(page, 'console-case-photos-filer');
  await page.close();
});

it('the overview shows the digest picture when there is something to draw', async () => {
  const page = await signedInPage('clerk');
  await page.goto(`${web.baseUrl}/console/`);
  const chart = page.locator('[data-test="digest-chart"] img');
  await page.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('[data-test="digest-chart"] img');
    return Boolean(img?.complete && img.naturalWidth > 0);
  });
  expect(await chart.isVisible()).toBe(true);
  await screenshot(page, 'console-overview-digest-chart');
  await page.close();
});

it('the overview keeps the picture card when there is nothing to draw (204) and says so', async () => {
  // Half a year on: nothing in the weeks the picture covers.
  h.clock.set(new Date('2027-06-07T10:00:00+08:00'));
  const page = await signedInPage('clerk');
  await page.goto(`${web.baseUrl}/console/`);
  await page.locator('[data-test="counts"]').waitFor();
  const card = page.locator('[data-test="digest-chart"]');
  await card.locator('[data-test="digest-chart-empty"]').getByText('本周暂无可画的数据').waitFor();
  expect(await card.isVisible()).toBe(true);
  expect(await card.locator('img').count()).toBe(0);
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, 'console-overview-digest-chart-empty');
  await page.close();
});
