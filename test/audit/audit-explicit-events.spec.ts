import { expectAudited } from '../helpers/audit-oracle';
import { type ConsoleClient, signIn } from '../helpers/console';
import { type Harness, createHarness } from '../helpers/harness';
import { askCard, tapButton } from '../helpers/card-taps';

// The 操作日志 of activities, meetings, shifts, stations, deputies, announcements and study material: each use
// case records its own entries (no write hook guesses them). Driven step by step through the real doors — chat,
// card taps, the console, scheduler ticks — each step's entries are exactly the records it changed (the audit
// oracle compares them with the database before and after the step).

let h: Harness;
let office: ConsoleClient;
let n = 0;
const rid = () => `audit-events-${++n}`;

beforeAll(async () => {
  // Sunday 2026-11-22 10:00 Beijing.
  h = await createHarness('audit-explicit-events', { now: '2026-11-22T10:00:00+08:00' });
  await h.addDeputy('office1', '王主任', { isOffice: true });
  await h.addDeputy('zhang', '张三');
  await h.addDeputy('li', '李四');
  await h.addDeputy('wang', '王五');
  office = await signIn(h, 'office1');
});
afterAll(async () => h.close());

/** An entry as the page shows it, in the fields that say who changed which record how. */
type Entry = [via: string, who: string, kind: string, code: string, op: string];

const total = async (): Promise<number> => (await office.get('/api/console/audit?pageSize=1')).body.total;

/**
 * Runs one step through a door. The audit oracle checks that its entries name exactly the records it changed in the
 * database; the step's entries are then read back as the office reads them (the console's 操作日志, newest first),
 * oldest first, so the test also checks who acted, by which door, and the order.
 */
async function step(run: () => Promise<unknown>): Promise<Entry[]> {
  const before = await total();
  await expectAudited(h, run);
  const added = (await total()) - before;
  if (added === 0) return [];
  const items = (await office.get(`/api/console/audit?pageSize=${added}`)).body.items as Array<{
    via: string;
    who: { userid: string };
    kind: string;
    code: string;
    op: string;
  }>;
  return items.reverse().map((e) => [e.via, e.who.userid, e.kind, e.code, e.op]);
}

const codeIn = (re: RegExp, text: string): string => {
  const code = re.exec(text)?.[0];
  if (!code) throw new Error(`no code in: ${text}`);
  return code;
};

const tick = (at: string) => step(() => h.scheduler.tick(new Date(at)));

/** Moves the clock on; the console's session does not outlive the days skipped, so sign in again. */
async function setClock(at: string): Promise<void> {
  h.clock.set(at);
  office = await signIn(h, 'office1');
}

describe('activities and meetings', () => {
  let hd = '';
  let hy = '';

  it('logs creating, signing up (typed and tapped), withdrawing with a promotion, changing and cancelling', async () => {
    let reply = '';
    expect(
      await step(async () => {
        reply = await h.say('office1', '发布活动 视察敬老院 时间：11月27日14:30 地点：镇敬老院 名额：1');
      }),
    ).toEqual([['chat', 'office1', 'Activity', (hd = codeIn(/HD2026-\d{3}/, reply)), 'create']]);
    expect(await step(() => h.say('zhang', `报名 ${hd}`))).toEqual([['chat', 'zhang', 'Activity', hd, 'update']]);
    expect(await step(async () => tapButton(h, 'li', await askCard(h, 'li', `活动 ${hd}`), '报名'))).toEqual([
      ['card', 'li', 'Activity', hd, 'update'],
    ]);
    // The withdrawal promotes 李四 in the same update, then clears the pending promotion once the push is queued.
    expect(await step(() => h.say('zhang', `取消报名 ${hd}`))).toEqual([
      ['chat', 'zhang', 'Activity', hd, 'update'],
      ['chat', 'zhang', 'Activity', hd, 'update'],
    ]);
    expect(await step(() => h.say('office1', `修改活动 ${hd} 地点：镇敬老院东楼`))).toEqual([
      ['chat', 'office1', 'Activity', hd, 'update'],
    ]);
    // A refused step writes nothing and logs nothing.
    expect(await step(() => h.say('wang', `取消报名 ${hd}`))).toEqual([]);

    let other = '';
    await step(async () => {
      other = codeIn(/HD2026-\d{3}/, await h.say('office1', '发布活动 走访农户 时间：11月28日9:00 地点：东村'));
    });
    expect(await step(() => h.say('wang', `报名 ${other}`))).toEqual([['chat', 'wang', 'Activity', other, 'update']]);
    // 请假 from an activity is a withdrawal with its reason kept.
    expect(await step(() => h.say('wang', `请假 ${other} 家中有事`))).toEqual([
      ['chat', 'wang', 'Activity', other, 'update'],
    ]);
    expect(await step(() => h.say('office1', `取消活动 ${other} 天气原因`))).toEqual([
      ['chat', 'office1', 'Activity', other, 'update'],
    ]);
  });

  it('logs the console’s meeting form with its room code, typed and tapped reply slips, changes and the switch', async () => {
    let created: { body: { code: string } } | undefined;
    const entries = await step(async () => {
      created = await office.post('/api/console/events', {
        kind: 'meeting',
        title: '第六次主席团会议',
        type: '主席团会议',
        startAt: '2026-11-26 09:00',
        endAt: '2026-11-26 11:00',
        place: '镇政府大会议室',
        roomCode: true,
        requestId: rid(),
      });
    });
    hy = created!.body.code;
    expect(hy).toMatch(/^HY2026-\d{3}$/);
    expect(entries).toEqual([
      ['console', 'office1', 'Meeting', hy, 'create'],
      ['console', 'office1', 'Meeting', hy, 'update'],
    ]);
    expect(await step(() => h.say('zhang', `回执 ${hy} 参加`))).toEqual([['chat', 'zhang', 'Meeting', hy, 'update']]);
    expect(await step(async () => tapButton(h, 'wang', await askCard(h, 'wang', `会议 ${hy}`), '参加'))).toEqual([
      ['card', 'wang', 'Meeting', hy, 'update'],
    ]);
    expect(await step(() => h.say('li', `请假 ${hy} 家中有事`))).toEqual([['chat', 'li', 'Meeting', hy, 'update']]);
    expect(
      await step(async () => {
        const r = await office.post(`/api/console/events/${hy}/change`, {
          version: (await h.models.Meeting.findOne({ code: hy }).lean())!.version,
          startAt: '2026-11-26 09:00',
          endAt: '2026-11-26 11:00',
          place: '镇政府二楼会议室',
          roomCode: false,
        });
        expect(r.status).toBe(200);
      }),
    ).toEqual([
      ['console', 'office1', 'Meeting', hy, 'update'],
      ['console', 'office1', 'Meeting', hy, 'update'],
    ]);
    expect(await step(() => office.post(`/api/console/events/${hy}/room-code`, { on: true }))).toEqual([
      ['console', 'office1', 'Meeting', hy, 'update'],
    ]);
    expect(await step(() => office.post(`/api/console/events/${hy}/room-code`, { on: false }))).toEqual([
      ['console', 'office1', 'Meeting', hy, 'update'],
    ]);
  });

  it('logs the reminders job’s claims and sends under the job, and check-ins as the deputy’s', async () => {
    // 24 hours before the meeting: claimed, sent, and the next reminder's time moved on.
    expect(await tick('2026-11-25T09:00:10+08:00')).toEqual([
      ['job', 'job:reminders', 'Meeting', hy, 'update'],
      ['job', 'job:reminders', 'Meeting', hy, 'update'],
      ['job', 'job:reminders', 'Meeting', hy, 'update'],
    ]);
    // A minute with nothing due logs nothing.
    expect(await tick('2026-11-25T09:01:10+08:00')).toEqual([]);
    await setClock('2026-11-26T08:50:00+08:00');
    expect(await step(() => h.say('zhang', `签到 ${hy}`))).toEqual([['chat', 'zhang', 'Meeting', hy, 'update']]);
    expect(await step(() => h.say('li', `签到 ${hd}`))).toEqual([]);
    // The activity's reminder is sent; the meeting's two-hour one, long past, is skipped.
    expect(await tick('2026-11-26T14:30:10+08:00')).toEqual([
      ['job', 'job:reminders', 'Activity', hd, 'update'],
      ['job', 'job:reminders', 'Activity', hd, 'update'],
      ['job', 'job:reminders', 'Activity', hd, 'update'],
      ['job', 'job:reminders', 'Meeting', hy, 'update'],
      ['job', 'job:reminders', 'Meeting', hy, 'update'],
    ]);
    await setClock('2026-11-27T14:20:00+08:00');
    expect(await step(() => h.say('li', `签到 ${hd}`))).toEqual([['chat', 'li', 'Activity', hd, 'update']]);
    // A meeting cancelled from the console.
    let later = '';
    await step(async () => {
      later = codeIn(/HY2026-\d{3}/, await h.say('office1', '会议通知 代表座谈会 时间：12月3日9:00 地点：镇政府'));
    });
    expect(await step(() => office.post(`/api/console/events/${later}/cancel`, { cancelReason: '改期' }))).toEqual([
      ['console', 'office1', 'Meeting', later, 'update'],
    ]);
  });
});

describe('shifts and stations', () => {
  const shiftId = async (slot: string) => String((await h.models.Shift.findOne({ slot }).lean())!._id);
  let first = '';

  it('logs a new station, a new shift and who was put on it, from the chat and the console', async () => {
    const typed = await step(() => h.say('office1', '排班 12月1日 王五 地点：东村代表联络站'));
    first = await shiftId('2026-12-01');
    expect(typed).toEqual([
      ['chat', 'office1', 'Station', '东村代表联络站', 'create'],
      ['chat', 'office1', 'Shift', first, 'create'],
      ['chat', 'office1', 'Shift', first, 'update'],
    ]);
    const body = (userids: string[]) => ({
      day: '2026-12-02',
      station: '东村代表联络站',
      userids,
      requestId: rid(),
    });
    const page = await step(() => office.post('/api/console/shifts', body(['zhang', 'li'])));
    const second = await shiftId('2026-12-02');
    expect(page).toEqual([
      ['console', 'office1', 'Shift', second, 'create'],
      ['console', 'office1', 'Shift', second, 'update'],
    ]);
    // The shift exists: only the person added is a change.
    expect(await step(() => office.post('/api/console/shifts', body(['wang'])))).toEqual([
      ['console', 'office1', 'Shift', second, 'update'],
    ]);
    expect(await step(() => office.post('/api/console/shifts', body(['wang'])))).toEqual([]);
    for (const userid of ['li', 'zhang'])
      expect(await step(() => office.post(`/api/console/shifts/${second}/remove`, { userid }))).toEqual([
        ['console', 'office1', 'Shift', second, 'update'],
      ]);
    // The last one off: the empty shift is deleted.
    expect(await step(() => office.post(`/api/console/shifts/${second}/remove`, { userid: 'wang' }))).toEqual([
      ['console', 'office1', 'Shift', second, 'update'],
      ['console', 'office1', 'Shift', second, 'delete'],
    ]);
  });

  it('logs the shift reminder under the job and the check-in as the deputy’s', async () => {
    // The activity's two-hour reminder, long past, is skipped in the same minute.
    const hd = (await h.models.Activity.findOne({ title: '视察敬老院' }).lean())!.code;
    expect(await tick('2026-11-30T09:00:10+08:00')).toEqual([
      ['job', 'job:reminders', 'Activity', hd, 'update'],
      ['job', 'job:reminders', 'Activity', hd, 'update'],
      ['job', 'job:reminders', 'Shift', first, 'update'],
      ['job', 'job:reminders', 'Shift', first, 'update'],
      ['job', 'job:reminders', 'Shift', first, 'update'],
    ]);
    await setClock('2026-12-01T09:30:00+08:00');
    expect(await step(() => h.say('wang', '签到 值班'))).toEqual([['chat', 'wang', 'Shift', first, 'update']]);
  });
});

describe('the roster', () => {
  it('logs adding, changing, the office role and deactivating, from the chat and the console', async () => {
    const chat = (text: string) => step(() => h.say('office1', text));
    expect(await chat('代表 添加 zhou 周八')).toEqual([['chat', 'office1', 'Deputy', 'zhou', 'create']]);
    expect(await chat('代表 添加 zhou 周八 层级：县')).toEqual([['chat', 'office1', 'Deputy', 'zhou', 'update']]);
    expect(await chat('代表 设为办公室 周八')).toEqual([['chat', 'office1', 'Deputy', 'zhou', 'update']]);
    expect(await chat('代表 取消办公室 周八')).toEqual([['chat', 'office1', 'Deputy', 'zhou', 'update']]);
    expect(await chat('代表 停用 周八')).toEqual([['chat', 'office1', 'Deputy', 'zhou', 'update']]);
    expect(await chat('代表 停用 周八')).toEqual([]);

    const page = (path: string, body?: unknown) => step(() => office.post(`/api/console/roster${path}`, body));
    expect(await page('', { mode: 'add', userid: 'sun', name: '孙十' })).toEqual([
      ['console', 'office1', 'Deputy', 'sun', 'create'],
    ]);
    expect(await page('', { mode: 'edit', userid: 'sun', name: '孙十', phone: '13800000002' })).toEqual([
      ['console', 'office1', 'Deputy', 'sun', 'update'],
    ]);
    expect(await page('/sun/office', { office: true })).toEqual([['console', 'office1', 'Deputy', 'sun', 'update']]);
    expect(await page('/sun/deactivate')).toEqual([['console', 'office1', 'Deputy', 'sun', 'update']]);
  });

  it('logs each deputy a roster file adds or changes', async () => {
    const csv = '企业微信账号,姓名,层级,手机\nzhang,张三,镇级,13800000001\nqian,钱七,镇级,\nli,李四,镇级,\n';
    const applied = await step(async () => {
      const r = await h.request
        .post(`/api/console/roster/import/apply?file=${encodeURIComponent('名册.csv')}`)
        .set('Cookie', office.cookie)
        .set('X-CSRF-Token', office.csrf)
        .set('content-type', 'application/octet-stream')
        .send(Buffer.from(csv, 'utf8'));
      expect(r.body.applied).toEqual({ upserted: 2, deactivated: 0 });
    });
    expect(applied).toEqual([
      ['console', 'office1', 'Deputy', 'qian', 'create'],
      ['console', 'office1', 'Deputy', 'zhang', 'update'],
    ]);
  });
});

describe('announcements and study material', () => {
  it('logs posting, scheduling, revoking, and the job sending or expiring', async () => {
    const chat = (text: string) => step(() => h.say('office1', text));
    expect(await chat('公告 下周全体代表培训，请准时参加')).toEqual([
      ['chat', 'office1', 'Announcement', 'GG2026-001', 'create'],
      ['chat', 'office1', 'Announcement', 'GG2026-001', 'update'],
    ]);
    expect(await chat('公告 时间：12月2日 9:00 周三上午培训')).toEqual([
      ['chat', 'office1', 'Announcement', 'GG2026-002', 'create'],
    ]);
    const at = { content: '代表小组活动', mentionAll: false, at: '2026-12-03T09:00:00+08:00', requestId: rid() };
    expect(await step(() => office.post('/api/console/announcements', at))).toEqual([
      ['console', 'office1', 'Announcement', 'GG2026-003', 'create'],
    ]);
    expect(await step(() => office.post('/api/console/announcements/GG2026-003/cancel'))).toEqual([
      ['console', 'office1', 'Announcement', 'GG2026-003', 'update'],
    ]);
    expect(await chat('公告 时间：12月1日 10:00 早会')).toEqual([
      ['chat', 'office1', 'Announcement', 'GG2026-004', 'create'],
    ]);
    // Found three and a half hours late (the bot was down): expired, not sent.
    expect(await tick('2026-12-01T13:30:10+08:00')).toEqual([
      ['job', 'job:reminders', 'Announcement', 'GG2026-004', 'update'],
    ]);
    expect(await tick('2026-12-02T09:00:10+08:00')).toEqual([
      ['job', 'job:reminders', 'Announcement', 'GG2026-002', 'update'],
      ['job', 'job:reminders', 'Announcement', 'GG2026-002', 'update'],
    ]);
  });

  it('logs adding, ordering, editing and removing queued items, the weekly push and 已学', async () => {
    expect(await step(() => h.say('office1', '学习资料 代表法第二讲 https://example.com/daibiaofa'))).toEqual([
      ['chat', 'office1', 'StudyItem', 'XX2026-001', 'create'],
    ]);
    for (const [title, code] of [
      ['宪法学习', 'XX2026-002'],
      ['监督法', 'XX2026-003'],
    ])
      expect(await step(() => office.post('/api/console/study', { title, requestId: rid() }))).toEqual([
        ['console', 'office1', 'StudyItem', code, 'create'],
      ]);
    const order = (version: number) =>
      step(() =>
        office.post('/api/console/study/queue/order', {
          queue:
            version === 0 ? ['XX2026-002', 'XX2026-001', 'XX2026-003'] : ['XX2026-002', 'XX2026-003', 'XX2026-001'],
          version,
        }),
      );
    // The first order creates the queue's record; later ones change it.
    expect(await order(0)).toEqual([['console', 'office1', 'StudyQueue', 'study-queue', 'create']]);
    expect(await order(1)).toEqual([['console', 'office1', 'StudyQueue', 'study-queue', 'update']]);
    expect(await order(1)).toEqual([]);
    expect(
      await step(() => office.put('/api/console/study/XX2026-001', { title: '代表法第二讲（修订）', version: 0 })),
    ).toEqual([['console', 'office1', 'StudyItem', 'XX2026-001', 'update']]);
    expect(await step(() => office.post('/api/console/study/XX2026-003/remove', { version: 0 }))).toEqual([
      ['console', 'office1', 'StudyItem', 'XX2026-003', 'delete'],
    ]);
    // Wednesday 10:00: the study job pushes the first in the office's order.
    expect(await tick('2026-12-02T10:00:10+08:00')).toEqual([
      ['job', 'job:study', 'StudyItem', 'XX2026-002', 'update'],
    ]);
    expect(await step(() => h.say('zhang', '已学 XX2026-002'))).toEqual([
      ['chat', 'zhang', 'StudyItem', 'XX2026-002', 'update'],
    ]);
    expect(await step(() => h.say('zhang', '已学 XX2026-002'))).toEqual([]);
  });
});
