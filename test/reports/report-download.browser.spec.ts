import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { downloadedBytes, launchChromium, listenOnLoopback, screenshot } from '../helpers/browser';
import { type Harness, createHarness } from '../helpers/harness';
import { ensureWebBuilt } from '../helpers/web-build';
import { docxParagraphs, readZip } from '../helpers/zip';

// The 述职 draft's buttons in a real browser: 我的履职 for the deputy, 导出 for the office, and the chat's
// link opened without a session (sign-in first, then the file).
jest.setTimeout(120_000);

const ONE_TO_ONE = { chattype: 'single' } as const;

let h: Harness;
let web: { baseUrl: string; close(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  ensureWebBuilt();
  h = await createHarness('report_browser', { officeUserIds: ['office1'] });
  web = await listenOnLoopback(h.app);
  browser = await launchChromium();
  await h.addDeputy('zhangsan', '张三');
  expect(await h.say('zhangsan', '建议 村口路灯坏了三个月，晚上出行不安全，请尽快维修')).toContain('YJ2026-001');
});
afterAll(async () => {
  await browser?.close();
  await web?.close();
  await h?.close();
});

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
  return { context, page: await context.newPage() };
}

async function loginLink(userid: string): Promise<string> {
  const m = /\/console\/login\/[A-Za-z0-9_-]{20,}/.exec(await h.say(userid, '登录', ONE_TO_ONE));
  if (!m) throw new Error('no login link');
  return web.baseUrl + m[0];
}

async function draftText(download: Download): Promise<string> {
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  return docxParagraphs(await downloadedBytes(download)).join('\n');
}

it('downloads the deputy’s own draft from 我的履职', async () => {
  const { context, page } = await newPage();
  try {
    await page.goto(await loginLink('zhangsan'));
    await page.waitForURL(`${web.baseUrl}/console/me`);
    await page.goto(`${web.baseUrl}/console/me/performance`);
    const button = page.locator('[data-test="perf-report"]');
    await button.waitFor();
    await screenshot(page, 'my-performance-report');
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe('张三-2026年述职报告草稿.docx');
    const text = await draftText(download);
    expect(text).toContain('代表：张三');
    expect(text).toContain('YJ2026-001「村口路灯坏了三个月');
  } finally {
    await context.close();
  }
});

it('sends the chat’s link through sign-in first, then downloads', async () => {
  const link = /https?:\/\/\S+\/console\/reports\/zhangsan\/2026\.docx/.exec(
    await h.say('zhangsan', '述职 2026', ONE_TO_ONE),
  );
  expect(link).not.toBeNull();
  const { context, page } = await newPage();
  try {
    await page.goto(`${web.baseUrl}/console/reports/zhangsan/2026.docx`);
    await page.locator('[data-test="login-problem"]').getByText('登录后会自动下载述职报告草稿').waitFor();
    // The confirm page posts itself; the sign-in's answer is the download, so there is no page to wait for.
    const url = await loginLink('zhangsan');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 20_000 }),
      page.goto(url, { waitUntil: 'commit' }),
    ]);
    expect(await draftText(download)).toContain('YJ2026-001');
  } finally {
    await context.close();
  }
});

it('lets the office download any deputy’s draft and the year-end pack', async () => {
  await h.addDeputy('office1', '赵干事', { isOffice: true });
  const { context, page } = await newPage();
  try {
    await page.goto(await loginLink('office1'));
    await page.waitForURL(`${web.baseUrl}/console/`);
    await page.goto(`${web.baseUrl}/console/exports`);
    await page.locator('[data-test="report-deputy"]').click();
    await page.locator('.el-select-dropdown__item').getByText('张三').click();
    const [draft] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-test="report-download"]').click(),
    ]);
    expect(await draftText(draft)).toContain('代表：张三');
    const [pack] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-test="ledger-pack"]').click(),
    ]);
    expect(pack.suggestedFilename()).toBe('2026年度资料包.zip');
    const names = [...readZip(await downloadedBytes(pack)).keys()];
    expect(names).toContain('05-述职报告草稿/张三-2026年述职报告草稿.docx');
    expect(names).toContain('00-索引.xlsx');
  } finally {
    await context.close();
  }
});
