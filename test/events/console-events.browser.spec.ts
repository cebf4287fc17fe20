import type { Browser, Page } from 'playwright-core';
import { launchChromium, listenOnLoopback, screenshot } from '../helpers/browser';
import { type Harness, createHarness } from '../helpers/harness';
import { ensureWebBuilt } from '../helpers/web-build';

// The activity and meeting pages of the office console in a real browser, against the composed app.
jest.setTimeout(120_000);

let h: Harness;
let web: { baseUrl: string; close(): Promise<void> };
let browser: Browser;
let meeting: string;
let activity: string;

beforeAll(async () => {
  ensureWebBuilt();
  h = await createHarness('console_events_browser');
  web = await listenOnLoopback(h.app);
  browser = await launchChromium();
  await h.addDeputy('zhangsan', '张三');
  await h.addDeputy('lisi', '李四');
  await h.addDeputy('clerk', '赵干事', { isOffice: true });
  h.clock.set('2026-11-22T10:00:00+08:00');
  meeting = /HY2026-\d{3}/.exec(
    await h.say('clerk', '会议通知 第五次主席团会议 时间：11月25日14:30 地点：镇政府大会议室 类型：主席团会议'),
  )![0];
  activity = /HD2026-\d{3}/.exec(
    await h.say('clerk', '发布活动 视察敬老院 时间：11月26日15:00 地点：镇敬老院 名额：1'),
  )![0];
  expect(await h.say('zhangsan', `报名 ${activity}`)).toContain('报名成功');
  expect(await h.say('lisi', `报名 ${activity}`)).toContain('候补');
  expect(await h.say('zhangsan', `参加 ${meeting}`)).toContain('已收到您的回执');
  expect(await h.say('lisi', `请假 ${meeting} 外出学习`)).toContain('请假（外出学习）');
  h.clock.set('2026-11-25T13:40:10+08:00');
});
afterAll(async () => {
  await browser?.close();
  await web?.close();
  await h?.close();
});

async function signedIn(userid: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const reply = await h.say(userid, '登录', { chattype: 'single' });
  const link = /\/console\/login\/[A-Za-z0-9_-]{20,}/.exec(reply)![0];
  await page.goto(web.baseUrl + link);
  await page.waitForURL(/\/console\/$/);
  return page;
}

describe('活动与会议', () => {
  it('lists upcoming events and opens one with its reply slips, the silent and the room-code switch', async () => {
    const page = await signedIn('clerk');
    await page.locator('.el-menu-item', { hasText: '活动与会议' }).first().click();
    const table = page.locator('[data-test="events-table"]');
    await table.locator('tr', { hasText: activity }).waitFor();
    expect(await table.textContent()).toContain('报名 1 / 1，候补 1');
    await screenshot(page, 'console-events-list');
    await table.locator('tr', { hasText: meeting }).click();
    await page.locator('[data-test="list-excused"]').waitFor();
    expect(await page.locator('[data-test="list-excused"]').textContent()).toContain('李四（外出学习）');
    expect(await page.locator('[data-test="list-silent"]').textContent()).toContain('赵干事');
    expect(await page.locator('[data-test="event-export"]').getAttribute('href')).toBe(
      `/api/console/events/${meeting}/export.xlsx`,
    );
    await screenshot(page, 'console-event-meeting');
    await page.goto(`${web.baseUrl}/console/events/${activity}`);
    await page.locator('[data-test="list-waitlist"]').waitFor();
    expect(await page.locator('[data-test="list-waitlist"]').textContent()).toContain('李四');
    await screenshot(page, 'console-event-activity');
    // 取消活动: a reason is asked for; the page then shows the activity as cancelled.
    await page.locator('[data-test="event-cancel"]').click();
    const box = page.locator('.el-message-box');
    await box.locator('input').fill('天气原因');
    await box.locator('button', { hasText: '确定取消' }).click();
    await page.locator('.el-tag', { hasText: '已取消' }).waitFor();
    expect(await page.locator('[data-test="event-cancel"]').count()).toBe(0);
    await h.drain();
    expect(h.groupTexts().some((t) => t.includes(activity) && t.includes('天气原因'))).toBe(true);
    expect((await h.models.Activity.findOne({ code: activity }).lean())!.cancelReason).toBe('天气原因');
    await page.context().close();
  });
});

describe('the room code screen', () => {
  it('switches the code on, shows it full screen, and the code shown checks a deputy in', async () => {
    const page = await signedIn('clerk');
    await page.goto(`${web.baseUrl}/console/events/${meeting}/room-code`);
    await page.locator('[data-test="room-code-is-off"]').waitFor();
    expect(await page.locator('[data-test="room-code-is-off"]').textContent()).toContain(`签到 ${meeting}`);
    // Full screen: no side menu.
    expect(await page.locator('.el-aside').count()).toBe(0);
    await page.locator('[data-test="room-code-on"]').click();
    const digits = page.locator('[data-test="room-code-digits"]');
    await digits.waitFor();
    const shown = (await digits.textContent())!.replace(/\s/g, '');
    expect(shown).toMatch(/^\d{4}$/);
    expect(await page.locator('[data-test="room-code-left"]').textContent()).toContain('秒后更新');
    await screenshot(page, 'console-room-code');
    expect(await h.say('lisi', `签到 ${meeting}`)).toContain('需要现场签到码');
    expect(await h.say('lisi', `签到 ${meeting} ${shown}`)).toContain('签到成功');
    await page.context().close();
  });
});
