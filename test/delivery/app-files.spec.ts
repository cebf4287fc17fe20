import ExcelJS from 'exceljs';
import { signIn } from '../helpers/console';
import { createHarness, type Harness } from '../helpers/harness';
import { binary, docxParagraphs } from '../helpers/zip';

// Files by the self-built app (no long connection): media/upload (multipart), then message/send `file`,
// through the outbox. Messages come in through the app's signed, encrypted callback.
const APP = { WECOM_AGENT_ID: '1000002', WECOM_CORP_SECRET: 'corp-secret-xyz' };
const DOCX = '张三-2026年述职报告草稿.docx';

describe('files by the self-built app', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness('app_files', { env: APP, officeUserIds: ['office1'] });
    await h.services.roster.upsertDeputy({ userid: 'zhangsan', name: '张三', district: '第三选区' });
    await h.addDeputy('office1', '李主任', { isOffice: true });
    expect(await h.say('zhangsan', '建议 村口路灯坏了三个月，请尽快维修', { mode: 'app' })).toContain('YJ2026-001');
    await h.drain();
  });
  afterAll(() => h.close());

  const appFiles = () => h.wecom.pushes.filter((p) => p.channel === 'app' && p.msgtype === 'file');
  const appSends = () => h.wecom.arrivals.filter((a) => a.channel === 'app').length;

  /** The queued file's bytes: what the outbox stored for `key`. */
  async function queued(key: RegExp): Promise<Buffer> {
    const item = await h.models.OutboxItem.findOne({ key }).lean();
    expect(item).toMatchObject({ channel: 'app', msgtype: 'file', status: 'sent' });
    return Buffer.from(item!.content, 'base64');
  }

  it('述职 2026: the draft arrives in the app as a file whose bytes are the .docx; the link stays as a fallback', async () => {
    const reply = await h.say('zhangsan', '述职 2026', { mode: 'app' });
    expect(reply).toContain(`稍后以文件《${DOCX}》发到本聊天`);
    expect(reply).toContain('/console/reports/zhangsan/2026.docx');
    const before = appFiles().length;
    await h.drain();
    const [push] = appFiles().slice(before);
    expect(push).toMatchObject({ touser: ['zhangsan'], file: { filename: DOCX } });
    expect(push!.file!.bytes.equals(await queued(/^report:/))).toBe(true);
    // The same draft the console downloads: the deputy's name and their opinion's code.
    const me = await signIn(h, 'zhangsan');
    const download = await me.get('/console/reports/zhangsan/2026.docx').buffer(true).parse(binary);
    expect(docxParagraphs(push!.file!.bytes)).toEqual(docxParagraphs(download.body as Buffer));
    expect(docxParagraphs(push!.file!.bytes).join('\n')).toContain('YJ2026-001');
  });

  it('述职 2026 张三 from the office: the draft goes to the office member who asked', async () => {
    const before = appFiles().length;
    const reply = await h.say('office1', '述职 2026 张三', { mode: 'app' });
    expect(reply).toContain(`张三 2026年述职报告草稿已生成，稍后以文件《${DOCX}》发到本聊天`);
    // An expired token on message/send: a fresh one, and the uploaded media is sent (not uploaded twice).
    h.wecom.expireToken();
    const tokens = h.wecom.tokensIssued;
    const uploads = h.wecom.uploadCalls;
    expect(await h.drain()).toMatchObject({ sent: 1, failed: 0 });
    expect(h.wecom.tokensIssued).toBe(tokens + 1);
    expect(h.wecom.uploadCalls).toBe(uploads + 1);
    const sent = appFiles().slice(before);
    expect(sent.map((p) => [p.touser, p.file?.filename])).toEqual([[['office1'], DOCX]]);
    expect(docxParagraphs(sent[0]!.file!.bytes)).toContain('代表：张三　　选区：第三选区');
  });

  it('导出 台账 2026: the office receives the .xlsx in the app', async () => {
    const before = appFiles().length;
    expect(await h.say('office1', '导出 台账 2026', { mode: 'app' })).toContain('正在生成《意见建议台账-2026.xlsx》');
    await h.drain();
    const [push] = appFiles().slice(before);
    expect(push).toMatchObject({ touser: ['office1'], file: { filename: '意见建议台账-2026.xlsx' } });
    expect(push!.file!.bytes.equals(await queued(/^ledger:.*/))).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(push!.file!.bytes as unknown as ArrayBuffer);
    expect(wb.getWorksheet('2026年')?.getRow(2).getCell(1).value).toBe('YJ2026-001');
  });

  it('a refused upload sends no file message; the item is tried again later with a fresh upload', async () => {
    await h.drain();
    const uploads = h.wecom.uploadCalls;
    const sends = appSends();
    const before = appFiles().length;
    h.wecom.failNextUploads(1, { errcode: -1 });
    expect(await h.say('office1', '导出 履职 2026', { mode: 'app' })).toContain('代表履职登记册-2026.xlsx');
    expect(await h.drain()).toMatchObject({ sent: 0, failed: 1 });
    const item = await h.models.OutboxItem.findOne({ channel: 'app', msgtype: 'file', status: { $ne: 'sent' } }).lean();
    expect(item).toMatchObject({ status: 'pending', attempts: 1 });
    expect(item?.lastError).toContain('media/upload');
    expect(h.wecom.uploadCalls).toBe(uploads + 1);
    expect(appSends()).toBe(sends);

    h.clock.set(new Date(h.clock.now().getTime() + 3600_000));
    expect(await h.drain()).toMatchObject({ sent: 1, failed: 0 });
    expect(h.wecom.uploadCalls).toBe(uploads + 2);
    const sent = appFiles().slice(before);
    expect(sent.map((p) => p.file?.filename)).toEqual(['代表履职登记册-2026.xlsx']);
    expect(h.wecom.uploads.get(sent[0]!.file!.mediaId)?.type).toBe('file');
  });
});

describe('neither the long connection nor the app configured', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness('app_files_none', { officeUserIds: ['office1'] });
    await h.addDeputy('zhangsan', '张三');
    await h.addDeputy('office1', '李主任', { isOffice: true });
  });
  afterAll(() => h.close());

  it('述职 and 导出 answer with the console link and queue no file', async () => {
    const report = await h.say('zhangsan', '述职 2026', { mode: 'app' });
    expect(report).toContain('/console/reports/zhangsan/2026.docx');
    expect(report).not.toContain('稍后以文件');
    expect(await h.say('office1', '导出 台账 2026', { mode: 'app' })).toContain(
      '/api/console/exports/opinions.xlsx?year=2026',
    );
    expect(await h.models.OutboxItem.countDocuments({ msgtype: 'file' })).toBe(0);
    expect(h.wecom.uploadCalls).toBe(0);
  });
});
