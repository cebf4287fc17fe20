import type { Browser, Page } from 'playwright-core';
import { ManualClock } from '../helpers/clocks';
import { launchChromium, screenshot } from '../helpers/browser';
import { type DemoApp, startDemoApp } from '../helpers/demo-app';
import { until } from '../helpers/fake-wecom-ws';

// The simulator shows template cards — buttons, a vote box, dropdowns — and a click sends the real event: the
// signed, encrypted template_card_event to /wecom/callback, or the event frame in the long-connection demo.
jest.setTimeout(120_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

async function openPage(base: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${base}/demo`);
  await page.locator('#sender option').first().waitFor({ state: 'attached' });
  await page.locator('#status').filter({ hasNotText: '连接中' }).waitFor();
  return page;
}

/** Sends `text` as `userid` in the given mode and waits for the reply that contains `expect`. */
async function say(page: Page, userid: string, mode: 'group' | 'single', text: string, expect: string): Promise<void> {
  await page.locator('#sender').selectOption(userid);
  await page.locator(`#mode-${mode}`).click();
  const before = await page.locator('#log .row.in').count();
  await page.locator('#text').fill(text);
  await page.locator('#composer button[type="submit"]').click();
  await page
    .waitForFunction(
      ([t, n]) =>
        Array.from(document.querySelectorAll('#log .row.in'))
          .slice(n)
          .some((b) => (b.textContent ?? '').includes(t)),
      [expect, before] as const,
      { timeout: 20_000 },
    )
    .catch(async (err: unknown) => {
      throw new Error(`${String(err)}\nthe chat shows:\n${await page.locator('#log').innerText()}`);
    });
}

const lastCard = (page: Page) => page.locator('#log .tcard').last();

// The page signs with the browser's own clock, and the callback checks timestamps against the bot's: the bot's
// clock is today, and dates are days ahead of it (so codes carry this year).
const today = () => new ManualClock(new Date().toISOString());
function daysAhead(n: number, time: string): string {
  const d = new Date(Date.now() + n * 86_400_000 + 8 * 3_600_000);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日${time}`;
}
const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

describe('cards in the callback simulator', () => {
  let demo: DemoApp;
  beforeAll(async () => {
    demo = await startDemoApp('demo_cards', { clock: today() });
  });
  afterAll(async () => demo?.close());

  it('buttons, a vote box and dropdowns; each click is a signed event and the card updates', async () => {
    const page = await openPage(demo.base);
    try {
      await say(
        page,
        'office-demo',
        'group',
        `会议通知 第八次主席团会议 时间：${daysAhead(3, '9:00')} 地点：镇政府二楼会议室`,
        `HY${year}-001`,
      );
      await say(page, 'deputy-zhang', 'single', `会议 HY${year}-001`, `会议通知 HY${year}-001`);
      const meeting = lastCard(page);
      await meeting.getByRole('button', { name: '请假', exact: true }).click();
      await meeting.getByRole('button', { name: '外出学习' }).click();
      await meeting.locator('.tcard-title', { hasText: '已回执：请假' }).waitFor();
      expect(await meeting.innerText()).toContain('原因：外出学习');
      expect(await meeting.locator('.tcard-note').innerText()).toContain('template_card_event');
      const m = await demo.db.connection.collection('meetings').findOne({ code: `HY${year}-001` });
      expect(m?.replies).toMatchObject([{ userid: 'deputy-zhang', answer: '请假', reason: '外出学习' }]);
      await screenshot(page, 'demo-cards-meeting');

      // The vote box: the filer rates an answer from 进度.
      const yj1 = `YJ${year}-001`;
      await say(page, 'deputy-li', 'single', '建议 镇卫生院周末没有儿科门诊', yj1);
      await say(page, 'office-demo', 'single', `交办 ${yj1} 单位：卫健办`, '已交办');
      await say(page, 'office-demo', 'single', `答复 ${yj1} A 下月起周六上午开设儿科门诊`, yj1);
      await say(page, 'deputy-li', 'single', `进度 ${yj1}`, '请评价答复');
      const vote = lastCard(page);
      await vote.getByLabel('满意', { exact: true }).check();
      await screenshot(page, 'demo-cards-vote');
      await vote.getByRole('button', { name: '提交评价' }).click();
      await vote.locator('.tcard-title', { hasText: '已评价：满意' }).waitFor();
      const o = await demo.db.connection.collection('opinions').findOne({ code: yj1 });
      expect(o?.rating).toBe('满意');

      // Dropdowns: the office assigns a new opinion from its card.
      const yj2 = `YJ${year}-002`;
      await say(page, 'deputy-zhao', 'single', '建议 东村桥面有裂缝', yj2);
      await say(page, 'office-demo', 'single', `进度 ${yj2}`, `交办 ${yj2}`);
      const assign = lastCard(page);
      await assign.locator('select').first().selectOption({ label: '卫健办' });
      await assign.locator('select').nth(1).selectOption({ label: '15个工作日' });
      await screenshot(page, 'demo-cards-dropdowns');
      await assign.getByRole('button', { name: '交办', exact: true }).click();
      await assign.locator('.tcard-title', { hasText: '已交办：卫健办' }).waitFor();
      const assigned = await demo.db.connection.collection('opinions').findOne({ code: yj2 });
      expect(assigned?.unit).toBe('卫健办');
    } finally {
      await page.context().close();
    }
  });
});

describe('cards in the long-connection simulator', () => {
  let demo: DemoApp;
  beforeAll(async () => {
    demo = await startDemoApp('demo_cards_lc', {
      clock: today(),
      env: { DEMO_LONG_CONNECTION: 'true' },
    });
    await until(() => demo.composed.longConnection?.health().link?.state === 'up', 'the bot dialled the simulator');
  });
  afterAll(async () => demo?.close());

  it('the group’s activity card is tapped in the group pane; the event frame comes back as the updated card', async () => {
    const page = await openPage(demo.base);
    try {
      await say(
        page,
        'office-demo',
        'group',
        `发布活动 走访农贸市场 时间：${daysAhead(5, '9:00-11:30')} 地点：镇农贸市场 名额：2 截止：${daysAhead(4, '18:00')}`,
        `HD${year}-001`,
      );
      await demo.composed.sender.drainOnce();
      const card = page.locator('#pushes .tcard').first();
      await card.waitFor();
      expect(await card.innerText()).toContain('剩余 2 / 共 2');
      await page.locator('#sender').selectOption('deputy-chen');
      await card.getByRole('button', { name: '报名', exact: true }).click();
      await card.locator('.tcard-title', { hasText: '已报名' }).waitFor();
      expect(await card.innerText()).toContain('剩余 1 / 共 2');
      expect(await card.locator('.tcard-note').innerText()).toContain('aibot_respond_update_msg');
      const a = await demo.db.connection.collection('activities').findOne({ code: `HD${year}-001` });
      expect(a?.confirmedIds).toEqual(['deputy-chen']);
      await screenshot(page, 'demo-cards-long-connection');
    } finally {
      await page.context().close();
    }
  });
});
