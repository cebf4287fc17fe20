import type { Page } from 'playwright-core';
import { screenshot } from '../helpers/browser';
import { type ConsoleInBrowser, openConsoleInBrowser } from '../helpers/console-browser';
import type { Harness } from '../helpers/harness';

// The 民生实事 page in a real browser: 立项 from a closed 票决, milestones (a field error first), progress pushed
// to the group, the deputies' inspection with who signed up and signed in.
jest.setTimeout(180_000);

let s: ConsoleInBrowser;
let h: Harness;
let web: ConsoleInBrowser['web'];
let page: Page;
const single = { chattype: 'single' as const };

beforeAll(async () => {
  s = await openConsoleInBrowser('projects_browser', { now: '2026-12-01T10:00:00+08:00' });
  ({ h, web } = s);
  for (const [id, name] of [
    ['zhangsan', '张三'],
    ['lisi', '李四'],
    ['wangwu', '王五'],
  ] as const)
    await h.addDeputy(id, name);
  await h.addDeputy('clerk', '赵干事', { isOffice: true });
  await h.say('clerk', '发起票决 2027年民生实事 候选：村道硬化；饮水改造；养老服务站 选2项 截止：12月10日18点', single);
  for (const id of ['zhangsan', 'lisi', 'wangwu']) await h.say(id, '投票 PJ2026-001 1 2', single);
  await h.say('clerk', '结束票决 PJ2026-001', single);
  ({ page } = await s.signIn('clerk'));
});
afterAll(async () => s?.close());

const formItem = (scope: string, label: string) =>
  page.locator(`${scope} .el-form-item`).filter({ has: page.locator('.el-form-item__label', { hasText: label }) });

async function pick(testId: string, option: string) {
  await page.locator(`[data-test="${testId}"]`).click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click();
}

it('adopts the chosen candidates, plans milestones, posts progress and lists the inspection', async () => {
  await page.locator('[data-test="nav"]').getByText('民生实事', { exact: true }).click();
  await page.waitForURL(`${web.baseUrl}/console/projects`);

  await pick('adopt-ballot', 'PJ2026-001');
  await page.locator('[data-test="adopt-submit"]').click();
  await page.locator('[data-test="project-detail"]').waitFor();
  expect(await h.models.Project.countDocuments()).toBe(2);
  const rows = await page.locator('[data-test="project-list"] .el-table__row').allInnerTexts();
  expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
    'SS2026-001 村道硬化 未定 实施中 0 0',
    'SS2026-002 饮水改造 未定 实施中 0 0',
  ]);

  // A milestone without words: the error stands beside the milestones, and nothing is saved.
  const detail = '[data-test="project-detail"]';
  await page.locator('[data-test="milestone-add"]').click();
  const day = page.locator(`${detail} .milestone input`).first();
  await day.click();
  await day.fill('2027-03-01');
  await day.press('Enter');
  await page.locator('.page-title').click();
  await page.locator('[data-test="project-save"]').click();
  await formItem(detail, '里程碑').locator('.el-form-item__error').waitFor();
  expect(await formItem(detail, '里程碑').locator('.el-form-item__error').innerText()).toBe(
    '第 1 个里程碑没有写内容。',
  );
  expect((await h.models.Project.findOne({ code: 'SS2026-001' }).lean())?.milestones).toEqual([]);

  await page.locator(`${detail} .milestone input`).nth(1).fill('完成路基');
  // A unit no opinion has used yet: typed in, it becomes the choice.
  await page.locator('[data-test="project-unit"]').click();
  await page.keyboard.type('城乡建设办公室');
  await page.locator('.el-select-dropdown__item:visible', { hasText: '城乡建设办公室' }).first().click();
  await page.locator('[data-test="project-save"]').click();
  await page.getByText('已保存').waitFor();
  expect(await h.models.Project.findOne({ code: 'SS2026-001' }).lean()).toMatchObject({
    unit: '城乡建设办公室',
    milestones: [{ text: '完成路基' }],
  });

  await page
    .locator('textarea[data-test="progress-text"], [data-test="progress-text"] textarea')
    .fill('路基已完成，进入铺设阶段');
  await page.locator('[data-test="progress-push"]').click();
  await page.locator('[data-test="progress-submit"]').click();
  await page.locator('[data-test="project-progress"]').getByText('路基已完成，进入铺设阶段').waitFor();
  await h.drain();
  expect(h.groupTexts().filter((t) => t.startsWith('**民生实事进展** SS2026-001'))).toHaveLength(1);

  // A 视察 naming the project, two signed up, one signed in: the project shows them.
  await h.say('clerk', '发布活动 视察村道硬化 时间：12月1日14:30 地点：甲村 类型：视察 项目：SS2026-001', single);
  await h.say('zhangsan', '报名 HD2026-001', single);
  await h.say('lisi', '报名 HD2026-001', single);
  h.clock.set('2026-12-01T14:00:00+08:00');
  await h.say('lisi', '签到 HD2026-001', single);
  await page.locator('[data-test="project-list"] .el-table__row').first().click();
  const inspection = page.locator('[data-test="project-inspections"] .el-table__row').first();
  await inspection.waitFor();
  expect((await inspection.innerText()).replace(/\s+/g, ' ').trim()).toBe(
    'HD2026-001 视察村道硬化 2026-12-01 14:30 张三、李四 李四',
  );
  await screenshot(page, 'office-projects-1280');
});
