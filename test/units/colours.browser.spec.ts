import { screenshot } from '../helpers/browser';
import { type ConsoleInBrowser, openConsoleInBrowser } from '../helpers/console-browser';
import type { Harness } from '../helpers/harness';

// The colours in the console's list (column and filter) and on the case page, and the case page's 跟踪 and 重办.
jest.setTimeout(120_000);

let s: ConsoleInBrowser;
let h: Harness;
let web: ConsoleInBrowser['web'];

beforeAll(async () => {
  // The page opens on the browser's own year: the cases are filed in it.
  const year = new Date().getFullYear();
  s = await openConsoleInBrowser('units_colours_browser', { now: `${year}-03-02T10:00:00+08:00` });
  ({ h, web } = s);
  await h.addDeputy('zhangsan', '张三');
  await h.addDeputy('clerk', '赵干事', { isOffice: true });
  for (const text of ['村口路灯坏了', '河边垃圾堆积', '老街消防通道被占用', '学校门口缺少斑马线'])
    await h.say('zhangsan', `建议 ${text}，请尽快处理`);
  await h.say('clerk', `交办 1 单位：住建办 期限：${year}-03-03`);
  await h.say('clerk', `交办 2 单位：派出所 期限：${year}-03-20`);
  await h.say('clerk', '交办 3 单位：住建办');
  await h.say('clerk', '答复 3 B 已安排清运');
  await h.say('clerk', '交办 4 单位：住建办');
  await h.say('clerk', '答复 4 A 已施划斑马线');
  await h.say('clerk', '办结 4');
  // Thursday: case 1 (due Tuesday) is red, case 2 green.
  h.clock.set(`${year}-03-05T10:00:00+08:00`);
});
afterAll(async () => s?.close());

it('shows each case’s colour in the list, filters by it, and shows it on the case page', async () => {
  const { context, page } = await s.signIn('clerk');
  try {
    await page.goto(`${web.baseUrl}/console/opinions?sort=code&order=asc`);
    const table = page.locator('[data-test="opinion-table"]');
    await table.getByText('YJ').first().waitFor();
    const colours = await table
      .locator('[data-test="colour"]')
      .evaluateAll((tags) => tags.map((t) => [t.getAttribute('data-colour'), t.textContent?.trim()]));
    expect(colours).toEqual([
      ['red', '红牌'],
      ['green', '绿牌'],
    ]);
    // The status and its colour share one line, neither cut off by the column, and the table still fits 1280 px.
    const statusCells = await table.locator('[data-test="status-tags"]').evaluateAll((cells) =>
      cells.map((c) => {
        const tops = Array.from(c.querySelectorAll('.el-tag')).map((t) => Math.round(t.getBoundingClientRect().top));
        const cell = c.closest('.cell')!;
        return { tags: tops.length, oneLine: new Set(tops).size === 1, cut: cell.scrollWidth > cell.clientWidth };
      }),
    );
    expect(statusCells).toEqual([
      { tags: 2, oneLine: true, cut: false },
      { tags: 2, oneLine: true, cut: false },
      { tags: 1, oneLine: true, cut: false },
      { tags: 1, oneLine: true, cut: false },
    ]);
    const body = table.locator('.el-table__body-wrapper .el-scrollbar__wrap');
    expect(await body.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, 'colours-list-1280');
    await page.locator('[data-test="f-colour"]').click();
    await page.locator('.el-select-dropdown__item').getByText('红牌').click();
    await page.locator('[data-test="search"]').click();
    await page.waitForURL(/colour=red/);
    await page.locator('[data-test="total"]').getByText('共 1 件').waitFor();
    await table.getByRole('link', { name: /YJ\d{4}-001/ }).click();
    await page.waitForURL(/\/console\/opinions\/YJ/);
    const tag = page.locator('[data-test="colour"]');
    await tag.waitFor();
    expect(await tag.textContent()).toContain('红牌·逾期 2 个工作日');
    await screenshot(page, 'colours-case-1280');
  } finally {
    await context.close();
  }
});

it('sets a follow-up day on a B case and reopens a closed one from the case page', async () => {
  const { context, page } = await s.signIn('clerk');
  const year = new Date().getFullYear();
  try {
    await page.goto(`${web.baseUrl}/console/opinions/YJ${year}-003`);
    await page.locator('[data-test="act-follow-up"]').click();
    const picker = page.locator('[data-test="follow-up-dialog"] input');
    await picker.fill(`${year}-03-20`);
    await picker.press('Enter');
    await page.locator('[data-test="follow-up-submit"]').click();
    await page.locator('[data-test="follow-up-at"]').getByText(`${year}-03-20`).waitFor();
    await screenshot(page, 'follow-up-case-1280');
    await page.goto(`${web.baseUrl}/console/opinions/YJ${year}-004`);
    await page.locator('[data-test="act-reopen"]').click();
    await page.locator('[data-test="reopen-submit"]').click();
    await page.locator('[data-test="reopen-dialog"]').getByText('请写明重办的原因').waitFor();
    await page.locator('textarea[data-test="reopen-reason"]').fill('斑马线又被刮掉了');
    await page.locator('[data-test="reopen-submit"]').click();
    await page.locator('[data-test="case-status"]').getByText('已交办').waitFor();
    await page.getByText('斑马线又被刮掉了').first().waitFor();
    await screenshot(page, 'reopen-case-1280');
  } finally {
    await context.close();
  }
  const o = (await h.models.Opinion.findOne({ code: `YJ${year}-004` }).lean())!;
  expect(o).toMatchObject({ status: '已交办', round: 2 });
  expect(o.timeline.at(-1)).toMatchObject({ action: 'redone', via: 'console' });
});
