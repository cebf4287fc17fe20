import ExcelJS from 'exceljs';
import { type ConsoleClient, signIn } from '../helpers/console';
import { createHarness, type Harness } from '../helpers/harness';

// The console's case work through HTTP: the same services, rules and notices as the chat commands.

let h: Harness;
let office: ConsoleClient;
const XSS_IMG = '<img src=x onerror=alert(1)>村口路灯坏了，请尽快维修';
const XSS_SCRIPT = '<script>alert("x")</script>学校门口需要斑马线';

const file = async (userid: string, text: string): Promise<string> =>
  /YJ\d{4}-\d{3}/.exec(await h.say(userid, `建议 ${text}`))![0];
const detail = async (code: string) => (await office.get(`/api/console/opinions/${code}`)).body;
/** What the fake WeCom received since the last clear, after sending the outbox. */
const pushed = async (): Promise<string[]> => {
  await h.drain();
  const texts = h.groupTexts();
  h.wecom.clear();
  return texts;
};

beforeAll(async () => {
  h = await createHarness('console-opinions', { officeUserIds: ['office1'] });
  await h.addDeputy('office1', '王主任');
  await h.addDeputy('zhang', '张三');
  await h.addDeputy('li', '李四');
  office = await signIn(h, 'office1');
});

afterAll(async () => {
  await h.close();
});

describe('list and detail', () => {
  let xssCode: string;
  let scriptCode: string;

  beforeAll(async () => {
    xssCode = await file('zhang', XSS_IMG);
    scriptCode = await file('li', XSS_SCRIPT);
    await h.say('li', `附议 ${xssCode}`);
    await pushed();
  });

  it('lists with paging and filters', async () => {
    const all = await office.get('/api/console/opinions?year=2026&pageSize=1&page=2&sort=code&order=asc');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(all.body.items).toHaveLength(1);
    expect(all.body.items[0]).toMatchObject({
      code: scriptCode,
      status: '待交办',
      filer: { userid: 'li', name: '李四' },
      overdue: false,
      cosigners: 0,
    });
    const byFiler = await office.get('/api/console/opinions?filer=张三');
    expect(byFiler.body.items.map((i: { code: string }) => i.code)).toEqual([xssCode]);
    const byText = await office.get(`/api/console/opinions?q=${encodeURIComponent('斑马线')}`);
    expect(byText.body.items.map((i: { code: string }) => i.code)).toEqual([scriptCode]);
    const byStatus = await office.get(`/api/console/opinions?status=${encodeURIComponent('已交办,已答复')}`);
    expect(byStatus.body.total).toBe(0);
  });

  it('refuses bad filters with Chinese messages naming the field', async () => {
    const r = await office.get('/api/console/opinions?pageSize=1000&status=done&sort=x');
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid');
    expect(r.body.error.fields.pageSize).toContain('每页条数');
    expect(r.body.error.fields.status).toContain('状态');
    expect(r.body.error.fields.sort).toContain('排序');
    expect(r.body.error.message).toContain('请检查');
  });

  it('returns XSS payloads as plain JSON strings, unmasked for the office', async () => {
    const list = await office.get('/api/console/opinions?year=2026');
    expect(list.headers['content-type']).toMatch(/^application\/json/);
    expect(list.headers['x-content-type-options']).toBe('nosniff');
    const d = await detail(xssCode);
    expect(d.text).toBe(XSS_IMG);
    expect(d.masked).toBe(false);
    // No phone or ID number in it: nothing for the page to warn about.
    expect(d.personalInfo).toBe(false);
    expect(d.title.startsWith('<img src=x onerror=alert(1)>')).toBe(true);
    expect((await detail(scriptCode)).text).toBe(XSS_SCRIPT);
    expect(d.cosigners).toEqual([{ userid: 'li', name: '李四' }]);
    expect(d.version).toBe(2);
    expect(d.actions).toEqual(['assign', 'reject']);
    expect(d.timeline.map((e: { action: string; via: string }) => [e.action, e.via])).toEqual([
      ['filed', 'group'],
      ['cosigned', 'group'],
    ]);
  });

  it('lists similar open opinions with their status', async () => {
    const a = await file('zhang', '镇中心小学门口的红绿灯坏了，孩子过马路很危险');
    const b = await file('li', '中心小学门口红绿灯坏了好几天，学生过马路危险');
    const d = await detail(b);
    expect(d.similar).toEqual(expect.arrayContaining([{ code: a, title: expect.any(String), status: '待交办' }]));
  });

  it('an unknown case is 404', async () => {
    const r = await office.get('/api/console/opinions/YJ2026-999');
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('opinion.notFound');
  });

  it('ledger cells are text: the payload is a string cell, never a formula or markup', async () => {
    const res = await office
      .get('/api/console/exports/opinions.xlsx?year=2026&fullText=1')
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="opinions-2026.xlsx"; filename*=UTF-8''${encodeURIComponent('意见建议台账-2026.xlsx')}`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    const cells: ExcelJS.Cell[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => cells.push(c)));
    const hit = cells.find((c) => c.value === XSS_IMG);
    expect(hit).toBeDefined();
    expect(hit!.type).toBe(ExcelJS.ValueType.String);
    expect(cells.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
    expect(cells.find((c) => c.value === XSS_SCRIPT)?.type).toBe(ExcelJS.ValueType.String);
  });
});

describe('actions', () => {
  it('交办 sends the chat notice, is recorded as from the console, and a stale version is 409', async () => {
    const code = await file('zhang', '村东头的排水沟堵塞，下雨就积水');
    await pushed();
    const v = (await detail(code)).version;
    const r = await office.post(`/api/console/opinions/${code}/assign`, { unit: '住建局', workdays: 10, version: v });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      code,
      status: '已交办',
      unit: '住建局',
      version: v + 1,
      actions: ['reassign', 'answer', 'reject', 'remind'],
    });
    expect(r.body.assigned).toMatchObject({ unit: '住建局', unitMatch: 'new', defaulted: false });
    expect(r.body.timeline.at(-1)).toMatchObject({
      action: 'assigned',
      via: 'console',
      who: { userid: 'office1', name: '王主任' },
      unit: '住建局',
    });
    // 10 working days from Sun 22 Nov 2026: Fri 4 Dec.
    expect(new Date(r.body.deadline).toISOString()).toBe('2026-12-04T15:59:59.999Z');
    const notices = await pushed();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('<@zhang>');
    expect(notices[0]).toContain(code);
    expect(notices[0]).toContain('住建局');
    expect(notices[0]).toContain('2026年12月4日');

    // The same request again (a retry) is not a second step.
    const retry = await office.post(`/api/console/opinions/${code}/assign`, {
      unit: '住建局',
      workdays: 10,
      version: v,
    });
    expect(retry.status).toBe(200);
    expect(retry.body.version).toBe(v + 1);
    expect(await pushed()).toHaveLength(0);

    // Someone answers in the chat; the page still shows the old version.
    await h.say('office1', `答复 ${code} A 已清理排水沟`);
    await pushed();
    const stale = await office.post(`/api/console/opinions/${code}/reassign`, { unit: '水利站', version: v + 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('opinion.changedMeanwhile');
    expect(stale.body.error.message).toContain(code);
    const staleClose = await office.post(`/api/console/opinions/${code}/close`, { version: v + 1 });
    expect(staleClose.status).toBe(409);
    expect((await detail(code)).status).toBe('已答复');
  });

  it('改派, 答复, 办结 send the same notices as the chat commands', async () => {
    const code = await file('zhang', '镇卫生院夜间没有值班医生，看病不方便');
    await h.say('li', `附议 ${code}`);
    await pushed();
    let v = (await detail(code)).version;
    let r = await office.post(`/api/console/opinions/${code}/assign`, {
      unit: '卫健办',
      deadline: '2026-12-31',
      version: v,
    });
    expect(r.status).toBe(200);
    const assigned = await pushed();
    expect(assigned[0]).toContain('<@zhang> <@li>');

    r = await office.post(`/api/console/opinions/${code}/reassign`, {
      unit: '镇卫生院',
      deadline: '2027-01-15',
      version: r.body.version,
    });
    expect(r.status).toBe(200);
    expect(r.body.timeline.at(-1)).toMatchObject({ action: 'reassigned', via: 'console', unit: '镇卫生院' });
    const reassigned = await pushed();
    expect(reassigned).toHaveLength(1);
    expect(reassigned[0]).toContain('镇卫生院');

    const preview = await office.post(`/api/console/opinions/${code}/answer-preview`, {
      text: '已安排夜间值班。\n\n从12月起执行。',
      resolution: 'A',
    });
    expect(preview.status).toBe(200);
    expect(preview.body.notice).toContain('已安排夜间值班');
    expect(preview.body.notice).toContain('评价');
    expect(preview.body.notice).toContain('落实情况：A 已解决');

    r = await office.post(`/api/console/opinions/${code}/answer`, {
      text: '已安排夜间值班。\n\n从12月起执行。',
      resolution: 'A',
      version: r.body.version,
    });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('已答复');
    expect(r.body.rounds[0]).toMatchObject({ n: 1, unit: '镇卫生院', answer: '已安排夜间值班。\n\n从12月起执行。' });
    const answered = await pushed();
    expect(answered[0]).toBe(`<@zhang> <@li>\n${preview.body.notice}`);

    v = r.body.version;
    r = await office.post(`/api/console/opinions/${code}/close`, { version: v });
    expect(r.status).toBe(200);
    // A closed case can only be reopened (重办) when its problem returns.
    expect(r.body).toMatchObject({ status: '已办结', actions: ['reopen'] });
    const closed = await pushed();
    expect(closed[0]).toContain('已办结');
    expect(r.body.timeline.map((e: { via: string }) => e.via)).toEqual([
      'group',
      'group',
      'console',
      'console',
      'console',
      'console',
    ]);
  });

  it('two clerks acting on the same version at once: exactly one succeeds, the other gets 409', async () => {
    await h.addDeputy('office2', '赵干事', { isOffice: true });
    const second = await signIn(h, 'office2');
    const code = await file('zhang', '村小学门口早晚高峰拥堵，需要交警疏导');
    const v = (await detail(code)).version;
    const assigned = await office.post(`/api/console/opinions/${code}/assign`, { unit: '交警中队', version: v });
    await pushed();
    const [a, b] = await Promise.all([
      office.post(`/api/console/opinions/${code}/answer`, {
        text: '已安排早晚高峰执勤。',
        resolution: 'A',
        version: assigned.body.version,
      }),
      second.post(`/api/console/opinions/${code}/answer`, {
        text: '已增设护学岗。',
        resolution: 'B',
        version: assigned.body.version,
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const d = await detail(code);
    expect(d.timeline.filter((e: { action: string }) => e.action === 'answered')).toHaveLength(1);
    expect(await pushed()).toHaveLength(1);
  });

  it('退回 needs a reason and tells the filer', async () => {
    const code = await file('li', '希望法院尽快判决我亲戚的官司');
    await pushed();
    const v = (await detail(code)).version;
    const missing = await office.post(`/api/console/opinions/${code}/reject`, { reason: '  ', version: v });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.reason).toContain('退回原因');
    const r = await office.post(`/api/console/opinions/${code}/reject`, {
      reason: '属于司法诉讼事项，不在办理范围',
      version: v,
    });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('已退回');
    const notices = await pushed();
    expect(notices[0]).toContain('<@li>');
    expect(notices[0]).toContain('属于司法诉讼事项');
  });

  it('督办 records a reminder and tells the filer; only while assigned', async () => {
    const code = await file('zhang', '小区门口的路灯晚上不亮，存在安全隐患');
    let v = (await detail(code)).version;
    const early = await office.post(`/api/console/opinions/${code}/remind`, { version: v });
    // A state conflict: 409 with the refusal's code, and the chat's next-step hints stay in the chat.
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('opinion.wrongState');
    expect(early.body.error.message).toContain('不能督办');
    expect(early.body.error.message).not.toMatch(/交办 YJ|例如/);
    const r1 = await office.post(`/api/console/opinions/${code}/assign`, { unit: '住建局', version: v });
    await pushed();
    v = r1.body.version;
    const r = await office.post(`/api/console/opinions/${code}/remind`, { version: v });
    expect(r.status).toBe(200);
    expect(r.body.timeline.at(-1)).toMatchObject({
      action: 'reminded',
      actionLabel: '督办',
      via: 'console',
      unit: '住建局',
    });
    const notices = await pushed();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('<@zhang>');
    expect(notices[0]).toContain('督办');
    // The chat's 进度 shows the reminder too.
    expect(await h.say('zhang', `进度 ${code}`, { chattype: 'single' })).toContain('督办');
  });

  it('改类别: says what chose the category, moves it once, refuses unknown, unchanged and stale', async () => {
    const code = await file('zhang', '北街路灯坏了一排，联系人 13812345678');
    const d = await detail(code);
    expect(d).toMatchObject({
      category: '城乡建设',
      categoryBasis: { how: 'suggested', keywords: ['路灯'] },
      personalInfo: true,
    });
    expect(d.categories).toContain('公共交通');
    const unknown = await office.post(`/api/console/opinions/${code}/category`, {
      category: '路灯组',
      version: d.version,
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatchObject({ code: 'opinion.unknownCategory' });
    expect(unknown.body.error.fields.category).toContain('「路灯组」不是现有类别');
    const same = await office.post(`/api/console/opinions/${code}/category`, {
      category: '城乡建设',
      version: d.version,
    });
    expect(same.status).toBe(409);
    expect(same.body.error.message).toContain('已经是「城乡建设」类');
    const r = await office.post(`/api/console/opinions/${code}/category`, { category: '安全生产', version: d.version });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ category: '安全生产', categoryBasis: { how: 'office' }, version: d.version + 1 });
    expect(r.body.timeline.at(-1)).toMatchObject({
      action: 'recategorized',
      actionLabel: '改类别',
      detail: '城乡建设 → 安全生产',
      via: 'console',
    });
    // The same request again (a retry) is a replay; a page showing the old version is told to reload.
    const again = await office.post(`/api/console/opinions/${code}/category`, {
      category: '安全生产',
      version: d.version,
    });
    expect(again.status).toBe(200);
    expect((await detail(code)).timeline).toHaveLength(d.version + 1);
    const stale = await office.post(`/api/console/opinions/${code}/category`, {
      category: '其他',
      version: d.version,
    });
    expect(stale.status).toBe(409);
    expect((await detail(code)).category).toBe('安全生产');
    // Nobody is notified: the category is the office's filing, not news for the filer.
    expect(await pushed()).toEqual([]);
  });

  it('refuses bad forms with Chinese messages naming the fields', async () => {
    const code = await file('zhang', '村里的自来水经常停水，影响生活');
    const v = (await detail(code)).version;
    const empty = await office.post(`/api/console/opinions/${code}/assign`, { version: v });
    expect(empty.status).toBe(400);
    expect(empty.body.error).toMatchObject({ code: 'invalid' });
    expect(empty.body.error.fields.unit).toBe('请填写「承办单位」');
    const both = await office.post(`/api/console/opinions/${code}/assign`, {
      unit: '水务站',
      deadline: '2026-12-31',
      workdays: 5,
      version: v,
    });
    expect(both.body.error.fields.deadline).toContain('只填一项');
    const badDate = await office.post(`/api/console/opinions/${code}/assign`, {
      unit: '水务站',
      deadline: '12月31日',
      version: 'x',
    });
    expect(badDate.body.error.fields.deadline).toContain('办理期限');
    expect(badDate.body.error.fields.version).toContain('版本');
    const past = await office.post(`/api/console/opinions/${code}/assign`, {
      unit: '水务站',
      deadline: '2026-01-01',
      version: v,
    });
    expect(past.status).toBe(422);
    expect(past.body.error.code).toBe('opinion.pastDeadline');
    expect(past.body.error.fields.deadline).toContain('已经过去了');
    // The same refusal as the chat's, in the form's words: no usage line (例如：改派 …) on the page.
    const nothing = await office.post(`/api/console/opinions/${code}/reassign`, { version: v });
    expect(nothing.status).toBe(422);
    expect(nothing.body.error).toMatchObject({
      code: 'opinion.unitMissing',
      fields: { unit: nothing.body.error.message },
    });
    expect(nothing.body.error.message).not.toMatch(/例如|改派 YJ/);
    expect(await h.say('office1', `改派 ${code}`)).toContain(`例如：改派 ${code} 单位：`);
    const impossible = await office.post(`/api/console/opinions/${code}/assign`, {
      unit: '水务站',
      deadline: '2026-02-30',
      version: v,
    });
    expect(impossible.body.error.fields.deadline).toContain('办理期限');
    const notJson = await office
      .post(`/api/console/opinions/${code}/assign`)
      .set('content-type', 'application/json')
      .send('{oops');
    expect(notJson.status).toBe(400);
    const unknownAction = await office.post(`/api/console/opinions/${code}/explode`, { version: v });
    expect(unknownAction.status).toBe(404);
    expect((await detail(code)).status).toBe('待交办');
  });

  it('batch 交办: one unit, one deadline; refusals listed per case', async () => {
    const a = await file('zhang', '村委会门口的垃圾桶太少，垃圾乱堆');
    const b = await file('li', '河道里有人倾倒垃圾，污染严重');
    const c = await file('zhang', '村里的公厕年久失修，需要翻新');
    await office.post(`/api/console/opinions/${c}/assign`, { unit: '环卫所', version: (await detail(c)).version });
    await pushed();
    const r = await office.post('/api/console/opinions/assign-batch', {
      codes: [a, b.toLowerCase(), c, 'nonsense'],
      unit: '环卫所',
      workdays: 5,
    });
    expect(r.status).toBe(200);
    expect(r.body.done).toEqual([a, b]);
    expect(r.body.failed.map((f: { code: string }) => f.code)).toEqual([c, 'nonsense']);
    expect(r.body.failed[0].message).toContain('已');
    const notices = await pushed();
    expect(notices).toHaveLength(2);
    expect(notices[0]).toContain('<@zhang>');
    expect(notices[1]).toContain('<@li>');
    const empty = await office.post('/api/console/opinions/assign-batch', { codes: [], unit: '' });
    expect(empty.body.error.fields.codes).toContain('建议编号');
    expect(empty.body.error.fields.unit).toContain('承办单位');
  });
});

describe('lookups, overview, exports', () => {
  it('units used before and a deadline in working days', async () => {
    const units = await office.get('/api/console/units');
    expect(units.body.units).toEqual(expect.arrayContaining(['住建局', '环卫所', '镇卫生院']));
    const w = await office.get('/api/console/workdays?days=10');
    expect(w.body).toMatchObject({ days: 10, date: '2026-12-04', text: '2026年12月4日（周五）', estimated: false });
    expect((await office.get('/api/console/workdays?days=0')).body.error.fields.days).toContain('工作日数');
  });

  it('overview: counts, rates, due by unit, charts, upcoming, health', async () => {
    h.clock.advance(40 * 24 * 3600_000);
    // Forty days on, the earlier session is long gone.
    expect((await office.get('/api/console/session')).status).toBe(401);
    office = await signIn(h, 'office1');
    expect(await h.say('office1', '发布活动 民生实事项目视察 时间：明天上午9点 地点：镇政府三楼会议室')).toMatch(
      /HD2027-\d{3}/,
    );
    const r = await office.get('/api/console/overview?year=2026');
    expect(r.status).toBe(200);
    expect(r.body.year).toBe(2026);
    expect(r.body.counts.total).toBeGreaterThanOrEqual(8);
    expect(r.body.counts.byStatus['已办结']).toBe(1);
    expect(r.body.rates).toEqual({
      answered: expect.stringMatching(/%$/),
      closed: expect.stringMatching(/%$/),
      satisfied: '—',
      resolved: expect.stringMatching(/%$/),
    });
    expect(r.body.dueByUnit).toEqual(expect.arrayContaining([{ unit: '环卫所', overdue: 3, dueSoon: 0 }]));
    expect(r.body.monthly).toHaveLength(12);
    expect(r.body.monthly[10]).toMatchObject({ month: '2026-11', answered: 3 });
    expect(r.body.monthly[10].filed).toBe(r.body.counts.total);
    expect(r.body.byUnit.find((u: { unit: string }) => u.unit === '环卫所')).toMatchObject({ assigned: 3, overdue: 3 });
    expect(r.body.upcoming).toEqual([
      expect.objectContaining({
        kind: 'activity',
        title: '民生实事项目视察',
        place: '镇政府三楼会议室',
        code: expect.stringMatching(/^HD2027-/),
      }),
    ]);
    expect(r.body.health.outbox.failed).toBe(0);
    expect(r.body.health.jobs.map((j: { name: string }) => j.name)).toEqual(
      expect.arrayContaining(['overdue', 'digest']),
    );
    const overdue = await office.get('/api/console/opinions?due=overdue');
    expect(overdue.body.items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
    expect(overdue.body.total).toBeGreaterThanOrEqual(3);
  });

  it('the three ledgers and the current filter download with Chinese file names', async () => {
    for (const [path, name] of [
      ['/api/console/exports/performance.xlsx?year=2026', '代表履职登记册-2026.xlsx'],
      ['/api/console/exports/events.xlsx?year=2026', '代表活动与会议台账-2026.xlsx'],
      ['/api/console/exports/opinions.xlsx', '意见建议台账-全部.xlsx'],
    ] as const) {
      const r = await office.get(path);
      expect(r.status).toBe(200);
      expect(r.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
    }
    const filtered = await office
      .get(`/api/console/opinions/export.xlsx?unit=${encodeURIComponent('环卫所')}`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(filtered.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(filtered.body as never);
    expect(wb.worksheets[0]!.name).toBe('意见建议（筛选结果）');
    expect(wb.worksheets[0]!.rowCount).toBe(4);
    expect((await office.get('/api/console/exports/other.xlsx')).status).toBe(404);
    expect((await office.get('/api/console/exports/events.xlsx?year=1999')).body.error.fields.year).toContain('年份');
  });
});

describe("a deputy's own cases", () => {
  it('sees their own, not anyone else’s', async () => {
    const zhang = await signIn(h, 'zhang');
    const mine = await zhang.get('/api/console/me/opinions');
    expect(mine.status).toBe(200);
    expect(mine.body.total).toBeGreaterThan(0);
    const own = mine.body.items[0].code as string;
    const d = await zhang.get(`/api/console/me/opinions/${own}`);
    expect(d.status).toBe(200);
    expect(d.body.actions).toEqual([]);
    const others = await office.get('/api/console/opinions?filer=li');
    const notMine = (others.body.items as Array<{ code: string }>).find((i) => i.code);
    expect((await zhang.get(`/api/console/me/opinions/${notMine!.code}`)).status).toBe(404);
    expect((await zhang.get(`/api/console/opinions/${own}`)).status).toBe(403);
  });

  it('a co-signer sees the case masked; only the filer sees it whole', async () => {
    const filed = await h.say(
      'li',
      '民意 西村李大爷反映危房改造补助没到位，电话 13987654321，身份证 330102195001011234',
    );
    const code = /YJ\d{4}-\d{3}/.exec(filed)![0];
    await h.say('zhang', `附议 ${code}`);
    const zhang = await signIn(h, 'zhang');
    const seen = await zhang.get(`/api/console/me/opinions/${code}`);
    expect(seen.status).toBe(200);
    expect(seen.body.masked).toBe(true);
    expect(seen.body.text).toContain('139****4321');
    expect(JSON.stringify(seen.body)).not.toContain('13987654321');
    expect(JSON.stringify(seen.body)).not.toContain('330102195001011234');
    const li = await signIn(h, 'li');
    const whole = await li.get(`/api/console/me/opinions/${code}`);
    expect(whole.body.masked).toBe(false);
    expect(whole.body.text).toContain('13987654321');
  });
});
