import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, listenOnLoopback, screenshot } from '../helpers/browser';
import { type Harness, createHarness } from '../helpers/harness';
import { ensureWebBuilt } from '../helpers/web-build';

// 活动与会议's create/edit form and the 值班 page in a real browser, against the composed app.
jest.setTimeout(180_000);

let h: Harness;
let web: { baseUrl: string; close(): Promise<void> };
let browser: Browser;

beforeAll(async () => {
  ensureWebBuilt();
  h = await createHarness('console_event_forms_browser');
  web = await listenOnLoopback(h.app);
  browser = await launchChromium();
  await h.addDeputy('zhangsan', '张三');
  await h.addDeputy('lisi', '李四');
  await h.addDeputy('wangwu', '王五');
  await h.addDeputy('clerk', '赵干事', { isOffice: true });
  h.clock.set('2026-11-23T09:00:00+08:00'); // a Monday
});
afterAll(async () => {
  await browser?.close();
  await web?.close();
  await h?.close();
});

async function signedIn(userid: string, viewport = { width: 1280, height: 860 }): Promise<Page> {
  const context = await browser.newContext({
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  const reply = await h.say(userid, '登录', { chattype: 'single' });
  const link = /\/console\/login\/[A-Za-z0-9_-]{20,}/.exec(reply)![0];
  await page.goto(web.baseUrl + link);
  await page.waitForURL(/\/console\/$/);
  return page;
}

async function expectText(l: Locator, text: string): Promise<void> {
  let last = '';
  for (let i = 0; i < 200; i++) {
    last = (await l.textContent().catch(() => '')) ?? '';
    if (last.includes(text)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`expected "${text}" in: ${last}`);
}

/** Types a wall time into an Element Plus date-time picker and closes its panel. */
async function pickTime(page: Page, dialog: Locator, label: string, value: string) {
  const item = dialog
    .locator('.el-form-item')
    .filter({ has: page.locator('.el-form-item__label', { hasText: label }) });
  const input = item.locator('input').first();
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  // Clicking the dialog's title closes the picker's panel (Escape would close the dialog too).
  await dialog.locator('.el-dialog__title').click();
  await page
    .locator('.el-picker-panel:visible')
    .waitFor({ state: 'hidden' })
    .catch(() => undefined);
}

describe('发布活动 / 修改 from the console', () => {
  it('creates an activity (a field error first), then edits it; the chat’s notices go out', async () => {
    const page = await signedIn('clerk');
    await page.locator('.el-menu-item', { hasText: '活动与会议' }).first().click();
    await page.locator('[data-test="event-create"]').click();
    const dialog = page.locator('.el-dialog').filter({ hasText: '报名截止' });
    await dialog.waitFor();
    await dialog
      .locator('input[data-test="event-form-title"], [data-test="event-form-title"] input')
      .first()
      .fill('视察敬老院建设');
    await dialog.locator('[data-test="event-form-type"]').click();
    await page.locator('.el-select-dropdown__item:visible').filter({ hasText: '视察' }).first().click();
    await pickTime(page, dialog, '开始时间', '2026-11-20 14:30'); // in the past
    await dialog
      .locator('input[data-test="event-form-place"], [data-test="event-form-place"] input')
      .first()
      .fill('镇敬老院');
    await dialog.locator('[data-test="event-form-limited"]').click();
    await dialog.locator('[data-test="event-form-save"]').click();
    await expectText(dialog.locator('.el-form-item__error'), '已经过去了');
    await screenshot(page, 'console-event-form-error');
    expect(await h.models.Activity.countDocuments()).toBe(0);

    await pickTime(page, dialog, '开始时间', '2026-11-26 14:30');
    await pickTime(page, dialog, '结束时间', '2026-11-26 17:00');
    await screenshot(page, 'console-event-form-create');
    await dialog.locator('[data-test="event-form-save"]').click();
    await page.waitForURL(/\/console\/events\/HD2026-001$/);
    await expectText(page.locator('[data-test="event-title"]'), '视察敬老院建设');
    const a = await h.models.Activity.findOne({ code: 'HD2026-001' }).lean();
    expect(a).toMatchObject({ title: '视察敬老院建设', type: '视察', place: '镇敬老院', capacity: 10 });
    expect(a!.startAt.toISOString()).toBe('2026-11-26T06:30:00.000Z');
    await h.drain();
    expect(h.groupTexts().some((t) => t.includes('HD2026-001') && t.includes('视察敬老院建设'))).toBe(true);

    // 修改: title and type are fixed; the place changes and the change notice goes out.
    expect(await h.say('zhangsan', '报名 HD2026-001')).toContain('报名成功');
    await page.reload();
    await page.locator('[data-test="event-edit"]').click();
    const edit = page.locator('.el-dialog').filter({ hasText: '修改 HD2026-001' });
    await edit.waitFor();
    const place = edit.locator('input[data-test="event-form-place"], [data-test="event-form-place"] input').first();
    expect(await place.inputValue()).toBe('镇敬老院');
    await place.fill('镇敬老院二期工地');
    await screenshot(page, 'console-event-form-edit');
    await edit.locator('[data-test="event-form-save"]').click();
    await expectText(page.locator('.el-message'), '已修改 HD2026-001（地点）');
    await expectText(page.locator('.el-descriptions'), '镇敬老院二期工地');
    await h.drain();
    expect(h.groupTexts().some((t) => t.includes('活动变更 HD2026-001') && t.includes('镇敬老院二期工地'))).toBe(true);

    // 会议通知: every active deputy is expected (nothing to pick); the room code can be switched on at once.
    await page.goto(`${web.baseUrl}/console/events`);
    await page.locator('[data-test="event-create"]').click();
    const m = page.locator('.el-dialog').filter({ hasText: '现场签到码' });
    await m.waitFor();
    await m.locator('[data-test="event-form-kind"] label', { hasText: '会议' }).click();
    await expectText(m.locator('[data-test="event-form-expected"]'), '全体在册代表（现有 4 人）');
    await m
      .locator('input[data-test="event-form-title"], [data-test="event-form-title"] input')
      .first()
      .fill('第六次主席团会议');
    await pickTime(page, m, '开始时间', '2026-11-27 09:00');
    await m
      .locator('input[data-test="event-form-place"], [data-test="event-form-place"] input')
      .first()
      .fill('镇政府三楼会议室');
    await m.locator('[data-test="event-form-room"]').click();
    await screenshot(page, 'console-event-form-meeting');
    await m.locator('[data-test="event-form-save"]').click();
    await page.waitForURL(/\/console\/events\/HY2026-001$/);
    await page.locator('[data-test="room-code-screen"]').waitFor();
    await h.drain();
    expect(h.wecom.groupPushes().some((p) => p.mentions.includes('@all') && p.content.includes('HY2026-001'))).toBe(
      true,
    );
    await page.context().close();
  });
});

describe('值班', () => {
  it('shows the week with check-ins, puts deputies on a shift and takes one off', async () => {
    expect(await h.say('clerk', '排班 11月23日 张三 李四 地点：东村代表联络站')).toContain('已排班');
    expect(await h.say('zhangsan', '签到 值班')).toContain('签到成功');
    const page = await signedIn('clerk');
    await page.locator('.el-menu-item', { hasText: '值班' }).first().click();
    await expectText(page.locator('[data-test="shifts-range"]'), '2026-11-23 至 2026-11-29');
    const monday = page.locator('[data-test="day-2026-11-23"]');
    await expectText(monday, '东村代表联络站');
    await expectText(monday.locator('[data-test="member-zhangsan"]'), '张三 ✓');

    await page.locator('[data-test="assign-2026-11-25"]').click();
    const dialog = page.locator('.el-dialog').filter({ hasText: '值班代表' });
    await dialog.waitFor();
    await dialog.locator('[data-test="shift-form-station"]').click();
    await page.locator('.el-select-dropdown__item:visible').filter({ hasText: '东村代表联络站' }).click();
    await dialog.locator('[data-test="shift-form-people"]').click();
    await page.locator('.el-select-dropdown__item:visible').filter({ hasText: '王五' }).click();
    await page.locator('.el-select-dropdown__item:visible').filter({ hasText: '李四' }).click();
    await dialog.locator('.el-dialog__title').click(); // close the dropdown
    await screenshot(page, 'console-shift-form');
    await dialog.locator('[data-test="shift-form-save"]').click();
    await expectText(page.locator('.el-message'), '已排班：');
    const wed = page.locator('[data-test="day-2026-11-25"]');
    await expectText(wed, '王五');
    await expectText(wed, '李四');
    await expectText(wed, '签到 0 / 2');
    await page.locator('.el-message').waitFor({ state: 'detached' });
    await screenshot(page, 'console-shifts');

    // Taking 李四 off Monday's shift: confirmed, told.
    await h.drain();
    h.wecom.clear();
    await monday.locator('[data-test="member-lisi"] .el-tag__close').click();
    await page.locator('.el-message-box button', { hasText: '移出并通知' }).click();
    await expectText(page.locator('.el-message'), '已把 李四 移出');
    await h.drain();
    expect(h.groupTexts().some((t) => t.includes('<@lisi>') && t.includes('已取消您'))).toBe(true);
    await monday.locator('[data-test="member-lisi"]').waitFor({ state: 'detached' });
    // A deputy who checked in cannot be taken off (no × on the tag).
    expect(await monday.locator('[data-test="member-zhangsan"] .el-tag__close').count()).toBe(0);

    await page.locator('[data-test="shifts-next"]').click();
    await expectText(page.locator('[data-test="shifts-range"]'), '2026-11-30 至 2026-12-06');
    await page.context().close();

    // On a phone the week is one column.
    const phone = await signedIn('clerk', { width: 390, height: 844 });
    await phone.goto(`${web.baseUrl}/console/shifts`);
    await expectText(phone.locator('[data-test="day-2026-11-25"]'), '王五');
    await screenshot(phone, 'console-shifts-390');
    await phone.context().close();
  });
});
