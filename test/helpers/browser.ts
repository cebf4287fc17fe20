import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type Koa from 'koa';
import {
  type Browser,
  type BrowserContext,
  type BrowserServer,
  chromium,
  type Download,
  type Page,
} from 'playwright-core';

/** Debian's chromium (apt-get install chromium fonts-noto-cjk; .ci/run does it): no browser is downloaded. */
export const CHROMIUM = '/usr/bin/chromium';

export const ARTIFACTS = join(__dirname, '..', 'artifacts');

/** The flags keep the browser from reaching out to the network or updating itself. */
const CHROMIUM_OPTIONS = {
  executablePath: CHROMIUM,
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--lang=zh-CN',
  ],
};

/** Where jest's global setup tells the workers its shared browser listens (see sharedBrowserServer). */
export const BROWSER_WS_ENV = 'TEST_BROWSER_WS_ENDPOINT';

/**
 * One browser for the whole run when jest's global setup started one (a full run): each test file
 * connects to it and works in contexts of its own (fresh cookies and storage; `close()` only
 * disconnects). Otherwise (a few files picked by hand) a browser of the file's own.
 */
export async function launchChromium(): Promise<Browser> {
  const shared = process.env[BROWSER_WS_ENV];
  if (shared) return chromium.connect(shared);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium fonts-noto-cjk`);
  return chromium.launch(CHROMIUM_OPTIONS);
}

/** Started once by jest's global setup; Playwright gives it a fresh temporary profile. */
export async function sharedBrowserServer(): Promise<BrowserServer> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium fonts-noto-cjk`);
  return chromium.launchServer(CHROMIUM_OPTIONS);
}

/** The composed app on a loopback port, as a browser reaches it. */
export async function listenOnLoopback(app: Koa): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const server: Server = createServer(app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Saves what the page shows under test/artifacts/ (git-ignored) for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  // Transitions are run to their end first: a tag still fading in would look missing.
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true, animations: 'disabled' });
}

/** A desktop page signed in to the console the way a person is: `登录` one-to-one, then the link. */
export async function signedInPage(
  browser: Browser,
  h: { say(userid: string, text: string, o: { chattype: 'single' }): Promise<string> },
  baseUrl: string,
  userid: string,
  o: { height?: number; fixedTime?: Date } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: o.height ?? 860 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  // A page whose "today" matters sees the server's injected day, not the machine's.
  if (o.fixedTime) await context.clock.setFixedTime(o.fixedTime);
  const page = await context.newPage();
  const reply = await h.say(userid, '登录', { chattype: 'single' });
  const link = /\/console\/login\/[A-Za-z0-9_-]{20,}/.exec(reply)?.[0];
  if (!link) throw new Error(`no sign-in link in the reply to 登录: ${reply}`);
  await page.goto(baseUrl + link);
  await page.waitForURL(`${baseUrl}/console/`);
  return { context, page };
}

/** A download's bytes, read as a stream: on the shared browser the file stays on the browser's side (no path()). */
export async function downloadedBytes(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
