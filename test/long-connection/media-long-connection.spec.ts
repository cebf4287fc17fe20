import { createHash, randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { docxParagraphs } from '../helpers/zip';
import { type BotFrame, askOver, messageBody, type startFakeWecomWs } from '../helpers/fake-wecom-ws';
import type { Harness } from '../helpers/harness';
import { createLongConnectionHarness } from '../helpers/long-connection-harness';

type Fake = Awaited<ReturnType<typeof startFakeWecomWs>>;

const CHUNK = 512 * 1024;
const md5 = (b: Buffer) => createHash('md5').update(b).digest('hex');

/** Pictures and files over the long connection: chunked upload, then aibot_send_msg with the media_id. */
describe('pictures and files over the long connection', () => {
  let ws: Fake;
  let h: Harness;

  const ask = (body: Parameters<typeof messageBody>[0]) => askOver(ws.fake, messageBody(body));
  const framesSince = (from: number, cmd: string) => ws.fake.frames.slice(from).filter((f) => f.cmd === cmd);
  const mediaIdOf = (f: BotFrame) => {
    const type = String(f.body?.msgtype);
    return String((f.body?.[type] as { media_id: string }).media_id);
  };

  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ ws, h, close } = await createLongConnectionHarness('media_lc', {
      now: '2026-11-22T10:00:00+08:00',
      instanceId: 'media-a',
    }));
    await h.addDeputy('d1', '张三');
    await h.addDeputy('office1', '李主任', { isOffice: true });
    await ask({ userid: 'd1', chattype: 'group', chatid: 'wr-deputies', text: '@代表助手 帮助' });
    await ask({ userid: 'office1', chattype: 'group', chatid: 'wr-deputies', text: '@代表助手 设为代表群' });
  });

  afterAll(() => close());

  const picture = randomBytes(CHUNK * 2 + 1000);

  it('uploads a picture in chunks of at most 512 KB and sends it to the group by its media_id', async () => {
    const from = ws.fake.frames.length;
    await h.services.notify.imageToGroup('media:1', picture);
    expect(await h.drain()).toMatchObject({ sent: 1, failed: 0 });
    const [init] = framesSince(from, 'aibot_upload_media_init');
    expect(init?.body).toEqual({
      type: 'image',
      filename: 'chart.png',
      total_size: picture.length,
      total_chunks: 3,
      md5: md5(picture),
    });
    const chunks = framesSince(from, 'aibot_upload_media_chunk');
    expect(chunks.map((c) => c.body?.chunk_index)).toEqual([0, 1, 2]);
    for (const c of chunks)
      expect(Buffer.from(String(c.body?.base64_data), 'base64').length).toBeLessThanOrEqual(CHUNK);
    expect(framesSince(from, 'aibot_upload_media_finish')).toHaveLength(1);
    const [send] = framesSince(from, 'aibot_send_msg');
    expect(send?.body).toMatchObject({ chatid: 'wr-deputies', chat_type: 2, msgtype: 'image' });
    // What WeCom reassembles is the picture, byte for byte.
    expect(ws.fake.media.get(mediaIdOf(send!))?.bytes.equals(picture)).toBe(true);
  });

  it('reuses the media_id while it is valid, and uploads again once it has lapsed', async () => {
    let from = ws.fake.frames.length;
    await h.services.notify.imageToGroup('media:2', picture);
    expect(await h.drain()).toMatchObject({ sent: 1 });
    expect(framesSince(from, 'aibot_upload_media_init')).toHaveLength(0);
    const first = (await h.models.MediaUpload.findOne().lean())!.mediaId;
    expect(mediaIdOf(framesSince(from, 'aibot_send_msg')[0]!)).toBe(first);

    // WeCom keeps a media_id 3 days; it is reused for 2, so a queued send never carries a lapsed one.
    h.clock.set(new Date(h.clock.now().getTime() + 2 * 24 * 3600_000 + 1000));
    from = ws.fake.frames.length;
    await h.services.notify.imageToGroup('media:3', picture);
    expect(await h.drain()).toMatchObject({ sent: 1 });
    expect(framesSince(from, 'aibot_upload_media_init')).toHaveLength(1);
    expect(mediaIdOf(framesSince(from, 'aibot_send_msg')[0]!)).not.toBe(first);
  });

  it('sends a refused chunk again and the file still arrives whole', async () => {
    const file = randomBytes(CHUNK + 10);
    ws.fake.refuseChunk = (index, attempt) => (index === 1 && attempt === 1 ? 45033 : undefined);
    const from = ws.fake.frames.length;
    await h.services.notify.fileToUser('media:4', 'office1', { filename: '台账.xlsx', bytes: file });
    expect(await h.drain()).toMatchObject({ sent: 1, failed: 0 });
    ws.fake.refuseChunk = undefined;
    expect(framesSince(from, 'aibot_upload_media_chunk').map((c) => c.body?.chunk_index)).toEqual([0, 1, 1]);
    const [send] = framesSince(from, 'aibot_send_msg');
    expect(send?.body).toMatchObject({ chatid: 'office1', chat_type: 1, msgtype: 'file' });
    expect(ws.fake.media.get(mediaIdOf(send!))).toMatchObject({ type: 'file', filename: '台账.xlsx' });
    expect(ws.fake.media.get(mediaIdOf(send!))?.bytes.equals(file)).toBe(true);
  });

  it('a chunk refused every time fails the push clearly, sends nothing, and a later retry sends it whole', async () => {
    const file = randomBytes(CHUNK + 20);
    ws.fake.refuseChunk = (index) => (index === 0 ? 45033 : undefined);
    const from = ws.fake.frames.length;
    await h.services.notify.fileToUser('media:5', 'office1', { filename: '履职.xlsx', bytes: file });
    expect(await h.drain()).toMatchObject({ sent: 0, failed: 1 });
    const item = await h.models.OutboxItem.findOne({ key: 'media:5' }).lean();
    expect(item).toMatchObject({ status: 'pending', attempts: 1 });
    expect(item?.lastError).toContain('aibot_upload_media_chunk 0');
    // Nothing half-sent: no finish, no message, no media_id kept; never a group fallback for a file.
    expect(framesSince(from, 'aibot_upload_media_chunk')).toHaveLength(3);
    expect(framesSince(from, 'aibot_upload_media_finish')).toHaveLength(0);
    expect(framesSince(from, 'aibot_send_msg')).toHaveLength(0);
    expect(await h.models.OutboxItem.countDocuments({ key: 'media:5:group' })).toBe(0);

    ws.fake.refuseChunk = undefined;
    h.clock.set(new Date(h.clock.now().getTime() + 10 * 60_000));
    expect(await h.drain()).toMatchObject({ sent: 1 });
    const [send] = framesSince(from, 'aibot_send_msg');
    expect(ws.fake.media.get(mediaIdOf(send!))?.bytes.equals(file)).toBe(true);
  });

  it('keeps uploads within 30 a minute per bot, whoever they go to, and uploads the rest next minute', async () => {
    // A fresh minute: no upload in it yet.
    h.clock.set(new Date(Math.ceil(h.clock.now().getTime() / 60_000) * 60_000 + 1000));
    const from = ws.fake.frames.length;
    for (let i = 0; i < 31; i++)
      await h.services.notify.fileToUser(`media:burst:${i}`, `u${i}`, {
        filename: `f${i}.xlsx`,
        bytes: randomBytes(64),
      });
    const first = await h.drain();
    expect(first).toMatchObject({ sent: 30 });
    expect(first.deferred).toBeGreaterThanOrEqual(1);
    expect(framesSince(from, 'aibot_upload_media_init')).toHaveLength(30);
    h.clock.set(new Date(h.clock.now().getTime() + 60_000));
    expect(await h.drain()).toMatchObject({ sent: 1 });
    expect(framesSince(from, 'aibot_upload_media_init')).toHaveLength(31);
  });

  it('导出 台账 2026 one-to-one: the office receives the ledger as an .xlsx file', async () => {
    expect(await ask({ userid: 'd1', text: '建议 村口路灯坏了三个月，请尽快维修' })).toContain('YJ2026-001');
    const from = ws.fake.frames.length;
    const reply = await ask({ userid: 'office1', text: '导出 台账 2026' });
    expect(reply).toContain('正在生成《意见建议台账-2026.xlsx》');
    expect(await h.drain()).toMatchObject({ sent: 1 });
    const [send] = framesSince(from, 'aibot_send_msg');
    expect(send?.body).toMatchObject({ chatid: 'office1', chat_type: 1, msgtype: 'file' });
    const got = ws.fake.media.get(mediaIdOf(send!))!;
    expect(got.filename).toBe('意见建议台账-2026.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(got.bytes as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('2026年');
    expect(sheet?.getRow(2).getCell(1).value).toBe('YJ2026-001');
  });

  it('导出 履职 and 导出 活动 send their ledgers; in a group, to a deputy, or for a bad year: refused, nothing sent', async () => {
    const from = ws.fake.frames.length;
    expect(await ask({ userid: 'office1', text: '导出 履职 2026' })).toContain('代表履职登记册-2026.xlsx');
    expect(await ask({ userid: 'office1', text: '导出 活动 2026' })).toContain('代表活动与会议台账-2026.xlsx');
    expect(
      await ask({ userid: 'office1', chattype: 'group', chatid: 'wr-deputies', text: '@代表助手 导出 台账 2026' }),
    ).toContain('台账只发给本人');
    expect(await ask({ userid: 'd1', text: '导出 台账 2026' })).toContain('只有人大办工作人员可以使用');
    expect(await ask({ userid: 'office1', text: '导出 台账 2027' })).toContain('不是可导出的年份');
    expect(await ask({ userid: 'office1', text: '导出 名单 2026' })).toContain('用法：导出 台账|履职|活动');
    expect(await h.drain()).toMatchObject({ sent: 2 });
    const sends = framesSince(from, 'aibot_send_msg');
    expect(sends.map((s) => [s.body?.chatid, ws.fake.media.get(mediaIdOf(s))?.filename])).toEqual([
      ['office1', '代表履职登记册-2026.xlsx'],
      ['office1', '代表活动与会议台账-2026.xlsx'],
    ]);
  });

  it('述职 2026 one-to-one: the draft arrives as a .docx file; the office asking 述职 2026 张三 gets it to the office member', async () => {
    const from = ws.fake.frames.length;
    const reply = await ask({ userid: 'd1', text: '述职 2026' });
    expect(reply).toContain('稍后以文件《张三-2026年述职报告草稿.docx》发到本聊天');
    expect(reply).toContain('/console/reports/d1/2026.docx');
    expect(await ask({ userid: 'office1', text: '述职 2026 张三' })).toContain('张三 2026年述职报告草稿已生成');
    expect(await h.drain()).toMatchObject({ sent: 2, failed: 0 });
    const sends = framesSince(from, 'aibot_send_msg');
    expect(sends.map((s) => [s.body?.chatid, s.body?.chat_type, s.body?.msgtype])).toEqual([
      ['d1', 1, 'file'],
      ['office1', 1, 'file'],
    ]);
    for (const s of sends) {
      const got = ws.fake.media.get(mediaIdOf(s))!;
      expect(got.filename).toBe('张三-2026年述职报告草稿.docx');
      const text = docxParagraphs(got.bytes).join('\n');
      expect(text).toContain('代表：张三');
      expect(text).toContain('YJ2026-001');
    }
  });
});
