import type { Browser, BrowserContext, Page } from 'playwright-core';
import { JOB_LABELS } from '../../src/contracts';
import { launchChromium, listenOnLoopback, screenshot } from '../helpers/browser';
import { type Harness, createHarness } from '../helpers/harness';
import { ensureWebBuilt } from '../helpers/web-build';

// The console's part-2 office pages (操作日志, 系统, a deputy's 履职) in a real browser against the composed app.
jest.setTimeout(120_000);

let h: Harness;
let web: { baseUrl: string; close(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  ensureWebBuilt();
  h = await createHarness('console_office_browser');
  web = await listenOnLoopback(h.app);
  browser = await launchChromium();
  await h.addDeputy('zhangsan', '张三');
  await h.addDeputy('clerk', '赵干事', { isOffice: true });
  expect(await h.say('zhangsan', '建议 村口路灯坏了三个月，请尽快维修')).toContain('YJ2026-001');
  await h.say('clerk', '交办 YJ2026-001 单位：交通运输局');
  await h.drain();
});
afterAll(async () => {
  await browser?.close();
  await web?.close();
  await h?.close();
});

async function signedIn(userid: string, viewport = { width: 1280, height: 860 }) {
  const context: BrowserContext = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page: Page = await context.newPage();
  const reply = await h.say(userid, '登录', { chattype: 'single' });
  const link = /\/console\/login\/[A-Za-z0-9_-]{20,}/.exec(reply)![0];
  await page.goto(web.baseUrl + link);
  return { context, page };
}

describe('office', () => {
  let office: { context: BrowserContext; page: Page };
  beforeAll(async () => {
    office = await signedIn('clerk');
    await office.page.waitForURL(`${web.baseUrl}/console/`);
  });
  afterAll(async () => office?.context.close());

  it('shows the audit log and filters it by person', async () => {
    const { page } = office;
    await page.locator('[data-test="nav"]').getByText('操作日志').click();
    await page.waitForURL(`${web.baseUrl}/console/audit`);
    const table = page.locator('[data-test="audit-table"]');
    await table.getByText('YJ2026-001').first().waitFor();
    expect(await table.locator('.el-table__row').count()).toBe(2);
    await page.locator('input[data-test="audit-person"], [data-test="audit-person"] input').fill('张三');
    await page.locator('[data-test="audit-search"]').click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-test="audit-table"] .el-table__row').length === 1,
    );
    expect(await table.locator('.el-table__row').first().innerText()).toContain('建议');
    await page.locator('input[data-test="audit-person"], [data-test="audit-person"] input').fill('');
    await page.locator('[data-test="audit-search"]').click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-test="audit-table"] .el-table__row').length === 2,
    );
    await page.waitForFunction(() => !document.querySelector('[data-test="audit-table"] .el-loading-mask'));
    await screenshot(page, 'office-audit-1280');
  });

  it('shows the system page and sends a failed push again', async () => {
    const { page } = office;
    h.wecom.failNext(1, { errcode: 93000 });
    await h.services.notify.toGroup('browser-failed', '**通知** 周五下午代表小组活动');
    await h.drain();
    h.wecom.clear();
    await page.locator('[data-test="nav"]').getByText('系统').click();
    await page.waitForURL(`${web.baseUrl}/console/system`);
    await page.locator('[data-test="system-facts"]').getByText('连接正常').waitFor();
    await page.locator('[data-test="system-jobs"]').getByText('周报').waitFor();
    // A job is named as the chat's 任务 names it: both read the contract's one table.
    await page.locator('[data-test="system-jobs"]').getByText(JOB_LABELS.reminders, { exact: true }).waitFor();
    expect(await h.say('clerk', '任务')).toContain(JOB_LABELS.reminders);
    const table = page.locator('[data-test="outbox-table"]');
    await table.getByText('93000').first().waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-test="outbox-table"] .el-loading-mask'));
    await screenshot(page, 'office-system-1280');
    await table.locator('[data-test="outbox-retry"]').first().click();
    await page.getByText('已重新排队').waitFor();
    await table.getByText('没有消息').waitFor();
    expect(await h.drain()).toMatchObject({ sent: 1 });
    expect(h.groupTexts()).toEqual(['**通知** 周五下午代表小组活动']);
  });
});

describe('office roster', () => {
  it('previews an uploaded roster file, lists errors by row, and applies a good one', async () => {
    const { context, page } = await signedIn('clerk');
    try {
      await page.waitForURL(`${web.baseUrl}/console/`);
      await page.locator('[data-test="nav"]').getByText('代表名册').click();
      await page.waitForURL(`${web.baseUrl}/console/roster`);
      await page.locator('[data-test="roster-table"]').getByText('张三').waitFor();
      // Element Plus's picker in Chinese, not the browser's bare input (English "Choose File" in Chromium).
      await page.locator('[data-test="roster-file"] button', { hasText: '选择名册文件' }).waitFor();
      expect(await page.locator('[data-test="roster-file-name"]').innerText()).toBe('未选择文件');
      expect(await page.locator('a[data-test="roster-template"].el-button').innerText()).toBe('下载模板');
      const file = page.locator('[data-test="roster-file"] input[type="file"]');
      await file.setInputFiles({
        name: '名册.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('企业微信账号,姓名,层级\nwangwu,王五,镇级\n,钱七,镇级\n'),
      });
      await page.locator('[data-test="roster-errors"]').getByText('第 3 行').waitFor();
      expect(await page.locator('[data-test="roster-file-name"]').innerText()).toBe('已选择：名册.csv');
      expect(await page.locator('[data-test="roster-apply"]').count()).toBe(0);
      await screenshot(page, 'office-roster-errors-1280');
      await file.setInputFiles({
        name: '名册.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('企业微信账号,姓名,层级,手机\nwangwu,王五,镇级,\nzhangsan,张三,镇级,13800000009\n'),
      });
      await page.locator('[data-test="roster-plan"]').getByText('新增 1 人').waitFor();
      await screenshot(page, 'office-roster-preview-1280');
      expect(await h.models.Deputy.countDocuments({ userid: 'wangwu' })).toBe(0);
      await page.locator('[data-test="roster-apply"]').click();
      await page.locator('[data-test="roster-table"]').getByText('王五').waitFor();
      expect(await h.models.Deputy.findOne({ userid: 'zhangsan' }).lean()).toMatchObject({ phone: '13800000009' });
    } finally {
      await context.close();
    }
  });
});

describe('deputy', () => {
  it('shows my 履职 by year, printable on A4', async () => {
    const { context, page } = await signedIn('zhangsan');
    try {
      await page.waitForURL(`${web.baseUrl}/console/me`);
      await page.locator('[data-test="nav"]').getByText('我的履职').click();
      await page.waitForURL(`${web.baseUrl}/console/me/performance`);
      const lines = page.locator('[data-test="perf-lines"]');
      await lines.getByText('意见建议：提出 1 件').waitFor();
      const chat = (await h.say('zhangsan', '履职')).split('\n').slice(1, 6);
      expect((await lines.locator('li').allInnerTexts()).map((l) => l.trim())).toEqual(chat);
      await page.locator('[data-test="perf-items"]').getByText('YJ2026-001').waitFor();
      await screenshot(page, 'deputy-performance-1280');
      // What the printer gets: the record alone, without menu, header or buttons.
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.shell-aside').isVisible()).toBe(false);
      expect(await page.locator('[data-test="perf-print"]').isVisible()).toBe(false);
      await page.setViewportSize({ width: 794, height: 1123 });
      await screenshot(page, 'deputy-performance-print-a4');
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    } finally {
      await context.close();
    }
  });
});
