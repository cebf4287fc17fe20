import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, listenOnLoopback, signedInPage } from './browser';
import { type Harness, type HarnessOptions, createHarness } from './harness';
import { ensureWebBuilt } from './web-build';

/** The composed app on loopback with the console built and a browser: where a console browser spec starts. */
export interface ConsoleInBrowser {
  h: Harness;
  web: { baseUrl: string; close(): Promise<void> };
  browser: Browser;
  /** A desktop page signed in as `userid` the way a person is (`登录` one-to-one, then the link); closed by close(). */
  signIn(userid: string, o?: Parameters<typeof signedInPage>[4]): Promise<{ context: BrowserContext; page: Page }>;
  /** Pages, browser, server and harness, in that order. */
  close(): Promise<void>;
}

export async function openConsoleInBrowser(tag: string, opts: HarnessOptions = {}): Promise<ConsoleInBrowser> {
  ensureWebBuilt();
  const h = await createHarness(tag, opts);
  let web: ConsoleInBrowser['web'] | undefined;
  try {
    web = await listenOnLoopback(h.app);
    const browser = await launchChromium();
    const contexts: BrowserContext[] = [];
    const served = web;
    return {
      h,
      web: served,
      browser,
      async signIn(userid, o) {
        const signed = await signedInPage(browser, h, served.baseUrl, userid, o);
        contexts.push(signed.context);
        return signed;
      },
      async close() {
        for (const c of contexts) await c.close();
        await browser.close();
        await served.close();
        await h.close();
      },
    };
  } catch (err) {
    // Half a set-up left open would keep jest waiting.
    await web?.close();
    await h.close();
    throw err;
  }
}
