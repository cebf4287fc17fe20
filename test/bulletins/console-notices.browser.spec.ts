import type { Page } from 'playwright-core';
import { screenshot } from '../helpers/browser';
import { type ConsoleInBrowser, openConsoleInBrowser } from '../helpers/console-browser';
import type { Harness } from '../helpers/harness';

// The 公告 composer, the 学习资料 queue and the roster's add/edit form in a real browser against the composed app.
jest.setTimeout(180_000);

let s: ConsoleInBrowser;
let h: Harness;
let web: ConsoleInBrowser['web'];
let page: Page;

beforeAll(async () => {
  // Sunday 2026-11-22 10:00 Beijing; the study job runs Wednesdays at 10:00.
  s = await openConsoleInBrowser('console_notices_browser', { now: '2026-11-22T10:00:00+08:00' });
  ({ h, web } = s);
  await h.addDeputy('zhangsan', '张三');
  await h.addDeputy('lisi', '李四');
  await h.addDeputy('clerk', '赵干事', { isOffice: true });
  ({ page } = await s.signIn('clerk', { height: 860 }));
  await h.drain();
  h.wecom.clear();
});
afterAll(async () => s?.close());

const lines = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `第${String(i + 1).padStart(2, '0')}项：请各位代表认真学习会议精神并按时提交材料。`,
  ).join('\n');

/** Element Plus puts a data-test attribute on the inner input (ElInput) or on the wrapper (others). */
const field = (name: string, tag: 'input' | 'textarea') =>
  page.locator(`${tag}[data-test="${name}"], [data-test="${name}"] ${tag}`);

async function go(label: string, path: string) {
  await page.locator('[data-test="nav"]').getByText(label, { exact: true }).click();
  await page.waitForURL(`${web.baseUrl}/console${path}`);
}

describe('公告', () => {
  it('previews a long text as the group will get it, split in 2 parts by the server, user text never markup', async () => {
    await go('公告', '/announcements');
    const content = `## 通知\n**重要**：<img src=x onerror="window.hacked=1"> 请 <font color="warning">周五前</font> 回复\n${lines(55)}`;
    await field('ann-content', 'textarea').fill(content);
    await page.locator('[data-test="ann-mention-all"]').click();
    await page.locator('[data-test="ann-parts"]').getByText('第 2 条').waitFor();
    const bubbles = page.locator('[data-test="ann-bubble"]');
    expect(await bubbles.count()).toBe(2);
    await page.locator('[data-test="ann-bubble-all"]').getByText('请各位代表查看上面的公告。').waitFor();
    // Rendered like the group: a heading, bold, a coloured span; the typed tag stays text.
    const first = bubbles.first();
    expect(await first.locator('.wx-h2').innerText()).toBe('通知');
    expect(await first.locator('strong').first().innerText()).toBe('【公告】');
    expect(await first.locator('.wx-warning').innerText()).toBe('周五前');
    expect(await page.locator('[data-test="ann-preview"] img').count()).toBe(0);
    expect(await first.innerText()).toContain('<img src=x onerror="window.hacked=1">');
    expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
    expect(await page.locator('[data-test="ann-counter"]').innerText()).toContain('将分成 2 条发送');
    await screenshot(page, 'office-announcement-composer-1280');

    // What the group then gets is exactly what the preview showed.
    const shown = await bubbles.locator('.wx-msg').allInnerTexts();
    await page.locator('[data-test="ann-send"]').click();
    await page.getByText('已发到群里，并提醒了所有人').waitFor();
    await h.drain();
    const pushed = h.wecom.groupPushes();
    expect(pushed.map((p) => p.msgtype)).toEqual(['markdown', 'markdown', 'text']);
    expect(pushed[0]!.content).toContain('<img src=x onerror="window.hacked=1">');
    expect(shown[1]!.trim().split('\n').at(-1)).toBe('人大办 赵干事 · GG2026-001');
    expect(pushed[1]!.content.split('\n').at(-1)).toBe('<font color="comment">人大办 赵干事 · GG2026-001</font>');
    // The list sums it up in words, as the group reads it, without the markdown marks.
    const row = page.locator('[data-test="ann-recent"] tr', { hasText: 'GG2026-001' });
    await row.waitFor();
    expect(await row.innerText()).toContain('通知');
    expect(await row.innerText()).not.toContain('##');
  });

  it('formats with buttons instead of markdown a clerk would have to know, and the preview follows', async () => {
    const content = field('ann-content', 'textarea');
    expect(await content.getAttribute('placeholder')).not.toMatch(/\*\*|\]\(/);
    await content.fill('会议通知\n请各位代表准时参加');
    // 标题 on the first line, 加粗 on the chosen words, 链接 around the last ones.
    await content.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(1, 1));
    await page.locator('[data-test="ann-heading"]').click();
    await content.evaluate((el: HTMLTextAreaElement) => {
      const at = el.value.indexOf('准时');
      el.setSelectionRange(at, at + 2);
    });
    await page.locator('[data-test="ann-bold"]').click();
    await content.evaluate((el: HTMLTextAreaElement) => {
      const at = el.value.indexOf('参加');
      el.setSelectionRange(at, at + 2);
    });
    await page.locator('[data-test="ann-link"]').click();
    const prompt = page.locator('.el-message-box');
    await prompt.locator('input').fill('不是地址');
    await prompt.getByRole('button', { name: '插入' }).click();
    await prompt.getByText('请填写以 http:// 或 https:// 开头的完整地址').waitFor();
    await prompt.locator('input').fill('https://example.com/huiyi');
    await prompt.getByRole('button', { name: '插入' }).click();
    expect(await content.inputValue()).toBe('## 会议通知\n请各位代表**准时**[参加](https://example.com/huiyi)');
    await page.locator('[data-test="ann-mention-all"]').click();
    expect(await page.locator('[data-test="ann-mention-all"]').getAttribute('aria-pressed')).toBe('true');
    const bubble = page.locator('[data-test="ann-bubble"]').first();
    await bubble.locator('a[href="https://example.com/huiyi"]').getByText('参加').waitFor();
    expect(await bubble.locator('.wx-h2').innerText()).toBe('会议通知');
    expect(await bubble.locator('strong', { hasText: '准时' }).count()).toBe(1);
    await page.locator('[data-test="ann-bubble-all"]').waitFor();
    await screenshot(page, 'office-announcement-toolbar-1280');
    await page.locator('[data-test="ann-mention-all"]').click();
    await content.fill('');
  });

  it('schedules at a picked time echoed as the full date, lists it, and cancels it', async () => {
    await field('ann-content', 'textarea').fill('请各位代表明天上午参加培训');
    await page.locator('[data-test="ann-timing"]').getByText('定时发送').click();
    const picker = page
      .locator('.el-form-item')
      .filter({ has: page.locator('.el-form-item__label', { hasText: '发送时间' }) })
      .locator('input')
      .first();
    const pick = async (value: string) => {
      await picker.click();
      await picker.fill(value);
      await picker.press('Enter');
      await page.locator('.page-title').click();
    };
    // A time already gone shows beside the picker (the preview checks it as sending would).
    await pick('2026-11-22 09:00');
    await page.getByText('已经过去了').waitFor();
    await pick('2026-11-23 09:00');
    await page.locator('[data-test="ann-at-echo"]').getByText('2026年11月23日（周一）09:00').waitFor();
    await screenshot(page, 'office-announcement-schedule-1280');
    await page.locator('[data-test="ann-send"]').click();
    const table = page.locator('[data-test="ann-scheduled"]');
    await table.getByText('GG2026-002').waitFor();
    await table.locator('[data-test="ann-cancel"]').click();
    await page.locator('.el-message-box').getByRole('button', { name: '撤销', exact: true }).click();
    await table.getByText('没有待发的公告').waitFor();
    expect(await h.models.Announcement.findOne({ code: 'GG2026-002' }).lean()).toMatchObject({ status: 'revoked' });
  });
});

describe('学习资料', () => {
  it('shows the queue, moves an item, and who has and has not studied a pushed one', async () => {
    await h.say('clerk', '学习资料 代表法第二讲 https://example.com/daibiaofa 请周五前学完');
    await h.say('clerk', '学习资料 宪法学习 第一章总纲');
    await h.say('clerk', '学习资料 地方组织法解读');
    await h.scheduler.tick(new Date('2026-11-25T10:00:00+08:00'));
    await h.drain();
    await h.say('zhangsan', '已学 XX2026-001');
    await go('学习资料', '/study');
    const queue = page.locator('[data-test="study-queue"]');
    await queue.getByText('宪法学习').waitFor();
    await page.locator('[data-test="study-pushed"]').getByText('已学 1/3').waitFor();
    expect(await page.locator('[data-test="study-learned"]').innerText()).toContain('张三');
    expect(await page.locator('[data-test="study-not-learned"]').innerText()).toMatch(
      /李四[\s\S]*赵干事|赵干事[\s\S]*李四/,
    );
    await queue.locator('[data-test="study-down"]').first().click();
    await page.waitForFunction(() =>
      (document.querySelector('[data-test="study-queue"] .el-table__row')?.textContent ?? '').includes('XX2026-003'),
    );
    expect((await h.services.study.queue()).items.map((i) => i.code)).toEqual(['XX2026-003', 'XX2026-002']);
    // Editing keeps the chat's rules: a link that is not http(s) is refused on its field.
    await queue.locator('[data-test="study-edit"]').first().click();
    await field('study-edit-link', 'input').fill('ftp://example.com/x');
    await page.locator('[data-test="study-edit-save"]').click();
    await page.locator('.el-dialog .el-form-item.is-error').getByText('要以 http:// 或 https:// 开头').waitFor();
    await field('study-edit-link', 'input').fill('https://example.com/dfzzf');
    await page.locator('[data-test="study-edit-save"]').click();
    await queue.getByText('https://example.com/dfzzf').waitFor();
    // The notices of the earlier steps have gone before the picture is taken.
    await page.locator('.el-message').first().waitFor({ state: 'detached' });
    await screenshot(page, 'office-study-1280');
  });
});

describe('代表名册', () => {
  it('adds a deputy in the dialog, with the server’s refusal on its field', async () => {
    await go('代表名册', '/roster');
    await page.locator('[data-test="roster-table"]').getByText('张三').waitFor();
    await page.locator('[data-test="roster-add"]').click();
    await field('roster-form-userid', 'input').fill('zhangsan');
    await field('roster-form-name', 'input').fill('王五');
    await field('roster-form-phone', 'input').fill('12345');
    await page.locator('[data-test="roster-form-save"]').click();
    const dialog = page.locator('.el-dialog');
    await dialog.locator('.el-form-item.is-error').getByText('不是有效的电话号码').waitFor();
    await screenshot(page, 'office-roster-form-error-1280');
    await field('roster-form-phone', 'input').fill('13800138000');
    await page.locator('[data-test="roster-form-save"]').click();
    await dialog.locator('.el-form-item.is-error').getByText('已在名册中').waitFor();
    expect(await h.models.Deputy.findOne({ userid: 'zhangsan' }).lean()).toMatchObject({ name: '张三' });
    await field('roster-form-userid', 'input').fill('wangwu');
    await page.locator('[data-test="roster-form-save"]').click();
    await page.locator('[data-test="roster-table"]').getByText('王五').waitFor();
    expect(await h.models.Deputy.findOne({ userid: 'wangwu' }).lean()).toMatchObject({
      name: '王五',
      phone: '13800138000',
    });
  });
});
