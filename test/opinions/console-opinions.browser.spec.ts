import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, listenOnLoopback, screenshot } from '../helpers/browser';
import { type Harness, createHarness } from '../helpers/harness';
import { ensureWebBuilt } from '../helpers/web-build';

// The office console in a real browser (Debian's chromium through playwright-core) against the
// composed app on a loopback port, the test database and the fake WeCom: one browser for the file.
jest.setTimeout(120_000);

const ONE_TO_ONE = { chattype: 'single' } as const;
const PHONE = '13812345678';
const XSS = '<img src=x onerror="window.__xss=1;alert(1)"><script>window.__xss=2</script>';

let h: Harness;
let web: { baseUrl: string; close(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  ensureWebBuilt();
  h = await createHarness('console_browser');
  web = await listenOnLoopback(h.app);
  browser = await launchChromium();
  await h.addDeputy('zhangsan', '张三');
  await h.addDeputy('lisi', '李四');
  await h.addDeputy('clerk', '赵干事', { isOffice: true });
  // Three opinions through the chat, as deputies file them.
  expect(
    await h.say('zhangsan', `建议 村口路灯坏了三个月，晚上出行不安全。联系人刘大爷 ${PHONE}，请尽快维修`),
  ).toContain('YJ2026-001');
  expect(await h.say('lisi', '建议 希望在镇卫生院增设周末儿科门诊，方便上班族带孩子看病')).toContain('YJ2026-002');
  expect(await h.say('zhangsan', `建议 垃圾清运不及时 ${XSS} 菜市场门口堆了好几天`)).toContain('YJ2026-003');
  expect(await h.say('lisi', '附议 YJ2026-001')).toContain('附议');
  await h.drain();
});
afterAll(async () => {
  await browser?.close();
  await web?.close();
  await h?.close();
});

/** Group pushes that reached the fake WeCom since the last call. */
let seen = 0;
async function newPushes(): Promise<string[]> {
  await h.drain();
  const all = h.wecom.groupPushes();
  const fresh = all.slice(seen).map((p) => p.content);
  seen = all.length;
  return fresh;
}

/** Sends 登录 one-to-one as `userid` and returns the one-time link's path from the bot's reply. */
async function loginLink(userid: string): Promise<string> {
  const reply = await h.say(userid, '登录', ONE_TO_ONE);
  const m = /\/console\/login\/[A-Za-z0-9_-]{20,}/.exec(reply);
  if (!m) throw new Error(`no login link in the reply: ${reply}`);
  return m[0];
}

async function signedIn(
  userid: string,
  viewport = { width: 1280, height: 860 },
): Promise<{ context: BrowserContext; page: Page; dialogs: string[]; errors: string[] }> {
  const context = await browser.newContext({
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const dialogs: string[] = [];
  // What the browser reports as an error (a 404 favicon, an image that is not one).
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${m.text()} ${m.location().url}`);
  });
  // Any alert/confirm from the page would be script running that should not: record and refuse it.
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(web.baseUrl + (await loginLink(userid)));
  return { context, page, dialogs, errors };
}

const status = (page: Page) => page.locator('[data-test="case-status"]');

describe('the office console in a browser', () => {
  let office: { context: BrowserContext; page: Page; dialogs: string[]; errors: string[] };
  beforeAll(async () => {
    office = await signedIn('clerk');
  });
  afterAll(async () => office?.context.close());

  it('signs in through the bot link and shows the overview with its charts', async () => {
    const { page } = office;
    await page.waitForURL(`${web.baseUrl}/console/`);
    await page.locator('[data-test="counts"]').waitFor();
    await expectText(page.locator('[data-test="counts"]'), '全年意见建议');
    await expectText(page.locator('[data-test="who"]'), '赵干事');
    // ECharts arrives lazily and draws on canvas.
    await page.locator('canvas').first().waitFor();
    await page.locator('[data-test="digest-chart"]').waitFor();
    await screenshot(page, 'overview-1280');
    // Sign-in and overview without an error in the browser's console (the favicon is served).
    expect(office.errors).toEqual([]);
  });

  it('filters the list (kept in the URL), opens a case, 交办, 答复, 办结, and the chat notices go out', async () => {
    const { page } = office;
    await page.locator('[data-test="nav"]').getByText('意见建议').click();
    await page.waitForURL(/\/console\/opinions/);
    await expectText(page.locator('[data-test="total"]'), '共 3 件');
    await page.locator('input[data-test="f-q"]').fill('路灯');
    await page.locator('[data-test="search"]').click();
    await page.waitForURL(/q=%E8%B7%AF%E7%81%AF/);
    await expectText(page.locator('[data-test="total"]'), '共 1 件');
    // Every column fits a 1280 px desktop: no sideways scrolling inside the table.
    const table = page.locator('[data-test="opinion-table"] .el-table__body-wrapper .el-scrollbar__wrap');
    expect(await table.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, 'list-filtered-1280');
    // Reloading keeps the filter: the URL is the state.
    await page.reload();
    await expectText(page.locator('[data-test="total"]'), '共 1 件');
    expect(await page.locator('input[data-test="f-q"]').inputValue()).toBe('路灯');

    await page.getByRole('link', { name: 'YJ2026-001' }).click();
    await page.waitForURL(/\/console\/opinions\/YJ2026-001$/);
    await expectText(page.locator('[data-test="case-text"]'), PHONE); // the office sees it unmasked…
    await expectText(page.locator('[data-test="unmasked"]'), '未脱敏'); // …and is told so
    await expectText(page.locator('[data-test="cosigners"]'), '李四');
    await expectText(status(page), '待交办');

    // 交办: a new unit, 15 working days from Sunday 2026-11-22 → Friday 2026-12-11, shown before saving.
    await page.locator('[data-test="act-assign"]').click();
    const dialog = page.locator('.el-dialog').filter({ hasText: '承办单位' });
    await dialog.locator('[data-test="unit-select"]').click();
    await page.keyboard.type('交通运输局');
    await page.keyboard.press('Enter');
    await expectText(dialog.locator('[data-test="due-result"]'), '2026年12月11日');
    await screenshot(page, 'case-assign-dialog-1280');
    await dialog.locator('[data-test="assign-submit"]').click();
    await expectText(status(page), '已交办');
    const assigned = await newPushes();
    expect(assigned.join('\n')).toContain('已交办给「交通运输局」');
    expect(assigned.join('\n')).not.toContain(PHONE);

    // 答复: two paragraphs, with the filer's notice previewed before saving.
    await page.locator('[data-test="act-answer"]').click();
    // Without a 落实 class the form says so under the field and saves nothing.
    const answer = page.locator('textarea[data-test="answer-text"]');
    await answer.fill('已安排施工队更换灯杆。');
    await page.locator('[data-test="answer-submit"]').click();
    await expectText(page.locator('[data-test="answer-dialog"] .el-form-item__error'), '请选择落实分类');
    await page.locator('[data-test="resolution-B"]').click();
    await answer.fill('已安排施工队更换灯杆。\n另外两盏路灯本周内修复。');
    // The filer's notice as WeCom shows it: the answer quoted, the code bold, no markdown marks.
    const notice = page.locator('[data-test="answer-preview"]');
    await expectText(notice.locator('.wx-quote').last(), '另外两盏路灯本周内修复');
    expect(await notice.locator('strong').allInnerTexts()).toContain('YJ2026-001');
    expect(await notice.innerText()).not.toMatch(/^>|\*\*/m);
    await screenshot(page, 'case-answer-dialog-1280');
    await page.locator('[data-test="answer-submit"]').click();
    await expectText(status(page), '已答复');
    const answered = (await newPushes()).join('\n');
    expect(answered).toContain('已安排施工队更换灯杆');
    expect(answered).toContain('落实情况：B 正在解决');
    expect(answered).toContain('评价 YJ2026-001 满意');

    // 办结 after a confirmation.
    await page.locator('[data-test="act-close"]').click();
    await page.locator('.el-message-box').getByRole('button', { name: '办结' }).click();
    await expectText(status(page), '已办结');
    expect((await newPushes()).join('\n')).toContain('YJ2026-001**「');
    // The timeline tells the group chat from the console (the README's words: 群聊, 工作台).
    await expectText(page.locator('[data-test="timeline"]'), '工作台');
    await expectText(page.locator('[data-test="timeline"]'), '群聊');
    expect(await page.locator('[data-test="timeline"]').innerText()).not.toContain('聊天');
    await screenshot(page, 'case-closed-1280');
  });

  it('reloads a case changed elsewhere meanwhile (409) and says so', async () => {
    const { page } = office;
    await page.goto(`${web.baseUrl}/console/opinions/YJ2026-002`);
    await expectText(status(page), '待交办');
    // Someone assigns it in the chat while the page is open.
    expect(await h.say('clerk', '交办 YJ2026-002 单位：镇卫生院')).toContain('已交办');
    await page.locator('[data-test="act-assign"]').click();
    const dialog = page.locator('.el-dialog').filter({ hasText: '承办单位' });
    await dialog.locator('[data-test="unit-select"]').click();
    await page.keyboard.type('卫健办');
    await page.keyboard.press('Enter');
    await dialog.locator('[data-test="assign-submit"]').click();
    await expectText(page.locator('.el-message'), '该意见已被他人更新，已重新载入');
    await expectText(status(page), '已交办');
    // No phone or ID number in this one: no 未脱敏 warning.
    expect(await page.locator('[data-test="case-text"]').innerText()).toContain('儿科门诊');
    expect(await page.locator('[data-test="unmasked"]').count()).toBe(0);
    expect(await page.locator('main').innerText()).not.toContain('请勿转发');
    await newPushes();
  });

  it('says which keyword chose the category and changes it with one pick; each chat door has its tag', async () => {
    const { page } = office;
    // 附议 one-to-one: the timeline says 单聊 beside the group's 群聊.
    expect(await h.say('zhangsan', '附议 YJ2026-002', ONE_TO_ONE)).toContain('附议');
    await page.goto(`${web.baseUrl}/console/opinions/YJ2026-002`);
    const timeline = page.locator('[data-test="timeline"]');
    await expectText(timeline, '单聊');
    await expectText(timeline, '群聊');

    await page.goto(`${web.baseUrl}/console/opinions/YJ2026-001`);
    // 路灯 is the township's construction work, not transport.
    await expectText(page.locator('[data-test="case-category"]'), '城乡建设');
    await expectText(page.locator('[data-test="category-basis"]'), '按关键词「路灯」归类');
    await screenshot(page, 'case-category-basis-1280');
    await page.locator('[data-test="category-change"]').getByText('改类别').click();
    await page.locator('[data-test="category-option-公共交通"]').click();
    await expectText(page.locator('.el-message'), '已改为「公共交通」');
    await expectText(page.locator('[data-test="case-category"]'), '公共交通');
    await expectText(page.locator('[data-test="category-basis"]'), '人大办改定');
    await expectText(timeline, '城乡建设 → 公共交通');
    expect(await h.models.Opinion.findOne({ code: 'YJ2026-001' }).lean()).toMatchObject({
      category: '公共交通',
      categoryBasis: { how: 'office' },
    });
    await screenshot(page, 'case-category-changed-1280');
  });

  it('shows hostile opinion text as literal text everywhere (no script runs, no element is injected)', async () => {
    const { page, dialogs } = office;
    await page.goto(`${web.baseUrl}/console/opinions?q=${encodeURIComponent('垃圾')}`);
    await expectText(page.locator('[data-test="opinion-table"]'), '<img src=x');
    await page.getByRole('link', { name: 'YJ2026-003' }).click();
    await expectText(page.locator('[data-test="case-text"]'), XSS);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('main script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await screenshot(page, 'case-xss-1280');
  });

  it('督办 a case, then 交办 several at once from the list and export the filtered list', async () => {
    const { page } = office;
    await page.goto(`${web.baseUrl}/console/opinions/YJ2026-002`);
    await expectText(status(page), '已交办');
    await page.locator('[data-test="act-remind"]').click();
    await page.locator('.el-message-box').getByRole('button', { name: '督办' }).click();
    await expectText(page.locator('[data-test="timeline"]'), '督办');
    expect((await newPushes()).join('\n')).toContain('YJ2026-002');

    await page.goto(`${web.baseUrl}/console/opinions?status=${encodeURIComponent('待交办')}`);
    await expectText(page.locator('[data-test="total"]'), '共 1 件');
    await page.locator('[data-test="opinion-table"] .el-table__body .el-checkbox').first().click();
    await page.locator('[data-test="batch-assign"]').click();
    const dialog = page.locator('.el-dialog').filter({ hasText: '承办单位' });
    await dialog.locator('[data-test="unit-select"]').click();
    // Units used before are offered: pick the one from the first case.
    await page.locator('.el-select-dropdown__item:visible').filter({ hasText: '交通运输局' }).click();
    await expectText(dialog.locator('[data-test="due-result"]'), '年');
    await dialog.locator('[data-test="assign-submit"]').click();
    await expectText(page.locator('.el-message'), '已交办 1 件');
    await expectText(page.locator('[data-test="total"]'), '共 0 件');
    expect((await newPushes()).join('\n')).toContain('YJ2026-003');

    await page.goto(`${web.baseUrl}/console/opinions?unit=${encodeURIComponent('交通运输局')}`);
    await expectText(page.locator('[data-test="total"]'), '共 2 件');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-test="export-filtered"]').click(),
    ]);
    const book = new ExcelJS.Workbook();
    // A stream, not path(): on the shared browser the file stays on the browser's side.
    await book.xlsx.read(await download.createReadStream());
    const codes: string[] = [];
    book.worksheets[0]!.eachRow((row) => codes.push(...(String(row.values).match(/YJ2026-\d+/g) ?? [])));
    expect(codes.sort()).toEqual(['YJ2026-001', 'YJ2026-003']);
  });

  it('退回 with a reason the filer is told', async () => {
    const { page } = office;
    expect(await h.say('lisi', '建议 门口那个事情要处理一下')).toContain('YJ2026-004');
    await newPushes();
    await page.goto(`${web.baseUrl}/console/opinions/YJ2026-004`);
    await page.locator('[data-test="act-reject"]').click();
    await page.locator('[data-test="reject-submit"]').click();
    await expectText(page.locator('.el-dialog').filter({ hasText: '退回理由' }), '请写明退回理由');
    await page.locator('textarea[data-test="reject-reason"]').fill('内容不完整，请写明具体地点和问题后重新提交。');
    await page.locator('[data-test="reject-submit"]').click();
    await expectText(status(page), '已退回');
    await expectText(page.locator('[data-test="timeline"]'), '内容不完整');
    expect((await newPushes()).join('\n')).toContain('内容不完整，请写明具体地点');
  });

  it('downloads a ledger that opens in Excel with the case in it', async () => {
    const { page } = office;
    await page.locator('[data-test="nav"]').getByText('导出').click();
    await page.waitForURL(/\/console\/exports$/);
    await screenshot(page, 'exports-1280');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-test="ledger-opinions.xlsx"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    // A stream, not path(): on the shared browser the file stays on the browser's side.
    await book.xlsx.read(await download.createReadStream());
    const rows: string[] = [];
    book.worksheets[0]!.eachRow((row) => rows.push(JSON.stringify(row.values)));
    const line = rows.find((r) => r.includes('YJ2026-001'));
    expect(line).toBeDefined();
    expect(line).toContain('交通运输局');
    expect(line).toContain('已办结');
  });
});

describe('a deputy in the console (phone width)', () => {
  it('sees only 我的: their own opinions, and office pages send them back', async () => {
    const { context, page, dialogs } = await signedIn('zhangsan', { width: 390, height: 844 });
    try {
      await page.waitForURL(`${web.baseUrl}/console/me`);
      await expectText(page.locator('[data-test="my-table"]'), 'YJ2026-001');
      await expectText(page.locator('[data-test="my-table"]'), 'YJ2026-003');
      expect(await page.locator('[data-test="my-table"]').innerText()).not.toContain('YJ2026-002');
      await screenshot(page, 'deputy-me-390');
      await page.locator('[data-test="menu-toggle"]').click();
      const nav = page.locator('.el-drawer [data-test="nav"]');
      await nav.waitFor();
      expect(
        (await nav.innerText())
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean),
      ).toEqual(['我的', '我的履职']);
      await screenshot(page, 'deputy-menu-390');
      await page.keyboard.press('Escape');
      // Their own case: the whole text and how it is being handled, without office actions.
      await page.locator('[data-test="my-table"]').getByText('村口路灯坏了').click();
      await page.waitForURL(`${web.baseUrl}/console/me/YJ2026-001`);
      await expectText(page.locator('[data-test="case-text"]'), PHONE);
      await expectText(status(page), '已办结');
      expect(await page.locator('[data-test="actions"]').count()).toBe(0);
      await screenshot(page, 'deputy-case-390');
      await page.goto(`${web.baseUrl}/console/opinions`);
      await page.waitForURL(`${web.baseUrl}/console/me`);
      expect(dialogs).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('an office overview, list and case page fit a 390 px screen', async () => {
    const { context, page } = await signedIn('clerk', { width: 390, height: 844 });
    const width = () => page.evaluate(() => document.documentElement.scrollWidth);
    try {
      await page.waitForURL(`${web.baseUrl}/console/`);
      await page.locator('canvas').first().waitFor();
      expect(await width()).toBeLessThanOrEqual(390);
      await screenshot(page, 'overview-390');
      await page.goto(`${web.baseUrl}/console/opinions`);
      await expectText(page.locator('[data-test="total"]'), '共 4 件');
      expect(await width()).toBeLessThanOrEqual(390);
      await page.locator('[data-test="more-filters"]').click();
      await page.locator('[data-test="f-unit"]').waitFor();
      await screenshot(page, 'list-390');
      await page.goto(`${web.baseUrl}/console/opinions/YJ2026-001`);
      await expectText(status(page), '已办结');
      // Nothing wider than the screen: no sideways scrolling in WeCom's browser.
      expect(await width()).toBeLessThanOrEqual(390);
      await screenshot(page, 'case-390');
    } finally {
      await context.close();
    }
  });

  it('a used or expired link lands on the sign-in page with the reason', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    try {
      const page = await context.newPage();
      const link = await loginLink('clerk');
      await page.goto(web.baseUrl + link);
      await page.waitForURL(`${web.baseUrl}/console/`);
      await context.clearCookies();
      await page.goto(web.baseUrl + link); // second use
      await expectText(page.locator('[data-test="login-problem"]'), '链接已失效，请在企业微信中重新发送「登录」');
      await expectText(page.locator('[data-test="signin-help"]'), '发送「登录」');
      // No self-built app configured here: no WeCom login button.
      expect(await page.locator('[data-test="wecom-login"]').count()).toBe(0);
      await screenshot(page, 'signin-expired-390');
    } finally {
      await context.close();
    }
  });
});

/** Waits (auto-retrying) until the element's text contains `text`. */
async function expectText(locator: ReturnType<Page['locator']>, text: string): Promise<void> {
  await locator.first().waitFor();
  const deadline = Date.now() + 15_000;
  let last = '';
  while (Date.now() < deadline) {
    last = await locator.first().innerText();
    if (last.includes(text)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`expected "${text}" in: ${last}`);
}
