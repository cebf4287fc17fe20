import { type ConsoleClient, signIn } from '../helpers/console';
import { type Harness, createHarness } from '../helpers/harness';

// 公告 from the console: the composer's preview (the same rendering and split as the push), send now or at a
// time read by the chat's parser, the list and cancel — through the chat's service, with the chat's pushes.

let h: Harness;
let office: ConsoleClient;
let deputy: ConsoleClient;
let request = 0;
const rid = () => `req-${++request}-abcdef`;

beforeAll(async () => {
  // Sunday 2026-11-22 10:00 Beijing.
  h = await createHarness('console-announcements', { now: '2026-11-22T10:00:00+08:00' });
  await h.addDeputy('office1', '王主任', { isOffice: true });
  await h.addDeputy('zhangsan', '张三');
  office = await signIn(h, 'office1');
  deputy = await signIn(h, 'zhangsan');
  await h.drain();
  h.wecom.clear();
});
afterAll(async () => h.close());

const pushes = () => h.wecom.groupPushes();
const announcementPushes = () => pushes().filter((p) => p.content.includes('【公告】'));
/** One scheduler tick at a Beijing wall time (the clock stays, so console sessions do too), then the outbox drained. */
async function tickAt(beijing: string) {
  await h.scheduler.tick(new Date(`${beijing}+08:00`));
  await h.drain();
}
const announcementCount = () => h.models.Announcement.countDocuments({});
/** A long announcement: lines of 27 characters (75 bytes in UTF-8 each). */
const longText = (lines: number) =>
  Array.from(
    { length: lines },
    (_, i) => `第${String(i + 1).padStart(3, '0')}条：请各位代表认真学习会议精神并按时提交材料。`,
  ).join('\n');

describe('preview', () => {
  it('shows the markdown the group gets, split into parts with their byte sizes', async () => {
    const r = await office.post('/api/console/announcements/preview', {
      content: '  周五下午开会  ',
      mentionAll: true,
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ code: 'GG2026-001', chars: 6, maxChars: 4000, limitBytes: 4096, problems: {} });
    expect(r.body.parts).toEqual([
      {
        text: '**【公告】**\n周五下午开会\n\n<font color="comment">人大办 王主任 · GG2026-001</font>',
        bytes: expect.any(Number),
      },
    ]);
    expect(r.body.parts[0].bytes).toBe(Buffer.byteLength(r.body.parts[0].text));
    expect(r.body.mentionAllPart).toEqual({ text: '请各位代表查看上面的公告。', bytes: 39 });
    expect(await announcementCount()).toBe(0);
  });

  it('says what sending would refuse, and echoes the picked time as the full date', async () => {
    const preview = (body: object) => office.post('/api/console/announcements/preview', { content: '开会', ...body });
    const empty = await preview({ content: ' ', at: '2026-11-23T09:00:00+08:00' });
    expect(empty.body.parts).toEqual([]);
    // The composer's words, not the chat's usage line (例：公告 …).
    expect(empty.body.problems.content).toBe('请填写公告内容。');
    expect(empty.body.schedule).toEqual({ at: '2026-11-23T01:00:00.000Z', text: '2026年11月23日（周一）09:00' });
    const past = await preview({ at: '2026-11-22T09:00:00+08:00' });
    expect(past.body.problems.at).toContain('已经过去了');
    expect(past.body.schedule).toBeNull();
    expect((await preview({ at: '2028-11-22T09:00:00+08:00' })).body.problems.at).toContain('太远了');
    // Time words are the chat's to read: the console takes an instant only.
    const words = await preview({ when: '明天上午9点' });
    expect(words.status).toBe(400);
    expect(words.body.error.fields).toHaveProperty('when');
    const notInstant = await preview({ at: '明天上午9点' });
    expect(notInstant.status).toBe(400);
    expect(notInstant.body.error.fields.at).toContain('发送时间');
    const tooLong = await office.post('/api/console/announcements/preview', { content: '字'.repeat(4001) });
    expect(tooLong.body.problems.content).toContain('最长 4000 字');
  });
});

describe('sending', () => {
  it('posts now with the same push as the chat 公告, split exactly as the preview said', async () => {
    await h.say('office1', '公告 村委会明天停水，请各位代表转告群众。');
    const sent = await office.post('/api/console/announcements', {
      content: '村委会明天停水，请各位代表转告群众。',
      requestId: rid(),
    });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ code: 'GG2026-002', status: 'sent', mentionAll: false });
    await h.drain();
    const [chat, console_] = pushes().map((p) => p.content);
    expect(console_).toBe(chat!.replace('GG2026-001', 'GG2026-002'));

    const content = longText(120);
    const preview = await office.post('/api/console/announcements/preview', { content, mentionAll: true });
    expect(preview.body.problems).toEqual({});
    expect(preview.body.parts).toHaveLength(3);
    for (const p of preview.body.parts) expect(p.bytes).toBeLessThanOrEqual(4096);
    h.wecom.clear();
    const id = rid();
    const posted = await office.post('/api/console/announcements', { content, mentionAll: true, requestId: id });
    expect(posted.body.code).toBe(preview.body.code);
    // A retried click (same request id) is the same announcement: nothing new is stored or pushed.
    expect(
      (await office.post('/api/console/announcements', { content, mentionAll: true, requestId: id })).body.code,
    ).toBe(preview.body.code);
    await h.drain();
    const out = pushes();
    expect(out.map((p) => p.content)).toEqual([
      ...preview.body.parts.map((p: { text: string }) => p.text),
      preview.body.mentionAllPart.text,
    ]);
    expect(out.at(-1)).toMatchObject({ msgtype: 'text', mentions: ['@all'] });
    expect(await h.models.Announcement.countDocuments({ code: posted.body.code })).toBe(1);
  });

  it('schedules at a picked instant; the reminders job sends it as the chat’s would be', async () => {
    const byText = await office.post('/api/console/announcements', {
      content: '明天上午9点在三楼会议室培训',
      at: '2026-11-23T09:00:00+08:00',
      requestId: rid(),
    });
    expect(byText.status).toBe(200);
    expect(byText.body).toMatchObject({
      status: 'scheduled',
      scheduledAt: '2026-11-23T01:00:00.000Z',
      scheduledText: '2026年11月23日（周一）09:00',
    });
    const byPicker = await office.post('/api/console/announcements', {
      content: '周二下午检查材料',
      at: '2026-11-24T15:00:00+08:00',
      requestId: rid(),
    });
    expect(byPicker.body).toMatchObject({ status: 'scheduled', scheduledAt: '2026-11-24T07:00:00.000Z' });
    const chat = await h.say('office1', '公告 时间：明天上午9点 明天上午9点在三楼会议室培训');
    const chatCode = /GG2026-\d{3}/.exec(chat)![0];

    const list = await office.get('/api/console/announcements');
    expect(list.body.scheduled.map((a: { code: string }) => a.code)).toEqual([
      byText.body.code,
      chatCode,
      byPicker.body.code,
    ]);
    h.wecom.clear();
    await tickAt('2026-11-23T09:00:30');
    const sent = announcementPushes().map((p) => p.content);
    expect(sent).toHaveLength(2);
    expect(sent[0]!.replace(byText.body.code, 'X')).toBe(sent[1]!.replace(chatCode, 'X'));
  });

  it('cancels a scheduled one, and refuses to cancel one already sent or cancelled', async () => {
    const s = await office.post('/api/console/announcements', {
      content: '下周一上午开会',
      at: '2026-11-30T09:00:00+08:00',
      requestId: rid(),
    });
    const cancelled = await office.post(`/api/console/announcements/${s.body.code}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('revoked');
    const again = await office.post(`/api/console/announcements/${s.body.code}/cancel`);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'announcement.alreadyRevoked' });
    expect(again.body.error.message).toContain('之前已经撤销了');
    const sent = await office.post('/api/console/announcements/GG2026-001/cancel');
    expect(sent.status).toBe(409);
    expect(sent.body.error).toMatchObject({
      code: 'announcement.alreadySent',
      message: expect.stringContaining('已经发到群里，无法撤销'),
    });
    expect((await office.post('/api/console/announcements/GG2026-099/cancel')).status).toBe(404);
    expect((await office.post('/api/console/announcements/nonsense/cancel')).status).toBe(404);
    h.wecom.clear();
    await tickAt('2026-11-30T09:00:30');
    expect(announcementPushes().filter((p) => p.content.includes(s.body.code))).toEqual([]);
  });
});

describe('refusals', () => {
  it('refuses deputies and writes without the CSRF token, writing nothing', async () => {
    const before = await announcementCount();
    expect((await deputy.get('/api/console/announcements')).status).toBe(403);
    expect((await deputy.post('/api/console/announcements/preview', { content: 'x' })).status).toBe(403);
    expect((await deputy.post('/api/console/announcements', { content: '越权', requestId: rid() })).status).toBe(403);
    expect((await deputy.post('/api/console/announcements/GG2026-001/cancel')).status).toBe(403);
    const noCsrf = await office.post(
      '/api/console/announcements',
      { content: '无令牌', requestId: rid() },
      { csrf: null },
    );
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error.code).toBe('csrf');
    expect(await announcementCount()).toBe(before);
  });

  it('answers bad fields with a message on the field, and stores nothing', async () => {
    const before = await announcementCount();
    h.wecom.clear();
    const cases: Array<[unknown, string, string]> = [
      [{ content: '   ', requestId: rid() }, 'content', '请填写公告内容'],
      [{ content: '字'.repeat(4001), requestId: rid() }, 'content', '最长 4000 字'],
      [{ content: '开会', at: '2026-11-22T09:00:00+08:00', requestId: rid() }, 'at', '已经过去了'],
      [{ content: '开会', at: '2028-11-22T09:00:00+08:00', requestId: rid() }, 'at', '太远了'],
      [{ content: '开会', at: '明天', requestId: rid() }, 'at', '发送时间'],
      [{ content: '开会', when: '明天上午9点', requestId: rid() }, 'when', '发送时间'],
      [{ content: '开会' }, 'requestId', '请求编号'],
      [{ content: '开会', requestId: rid(), extra: 1 }, 'extra', 'extra'],
    ];
    for (const [body, field, text] of cases) {
      const r = await office.post('/api/console/announcements', body);
      // 400: the form's own checks and the time words; 422: the service's refusal of the input.
      expect([400, 422]).toContain(r.status);
      expect(r.body.error.fields?.[field] ?? r.body.error.message).toContain(text);
    }
    expect(await announcementCount()).toBe(before);
    await h.drain();
    expect(pushes()).toEqual([]);
  });
});
