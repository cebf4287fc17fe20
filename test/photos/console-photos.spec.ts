import ExcelJS from 'exceljs';
import exifr from 'exifr';
import sharp from 'sharp';
import { type ConsoleClient, signIn } from '../helpers/console';
import { type Harness, createHarness } from '../helpers/harness';
import { makePhoto, sendBotImage, servePhoto } from '../helpers/photos';

// The case page's photos through HTTP with real sessions: the office and the filer only, the location
// for the office only, thumbnails made once, the full picture without EXIF for anyone but the office.

let h: Harness;
let office: ConsoleClient;
let filer: ConsoleClient;
let other: ConsoleClient;
let code: string;

const binary = (res: { body: unknown }) => res.body as Buffer;
const asBuffer = (req: ReturnType<ConsoleClient['get']>) =>
  req.buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

beforeAll(async () => {
  h = await createHarness('console_photos', {
    officeUserIds: ['office1'],
    tunables: { photos: { allowLoopbackHttp: true } },
  });
  await h.addDeputy('office1', '王主任');
  await h.addDeputy('zhang', '张三');
  await h.addDeputy('li', '李四');
  const photo = await makePhoto({ width: 1200, height: 800, gps: true });
  await sendBotImage(h, 'zhang', { url: servePhoto(h, photo).url });
  const reply = await h.say('zhang', '建议 北桥栏杆断了两根，很危险，请尽快修好', { chattype: 'single' });
  code = /YJ\d{4}-\d{3}/.exec(reply)![0];
  office = await signIn(h, 'office1');
  filer = await signIn(h, 'zhang');
  other = await signIn(h, 'li');
});
afterAll(async () => h.close());

describe('the list', () => {
  it('the office sees the photos with their location', async () => {
    const res = await office.get(`/api/console/opinions/${code}/photos`);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({
      width: 1200,
      height: 800,
      gps: { lat: expect.closeTo(31.2417, 3), lon: expect.closeTo(121.4667, 3) },
    });
  });

  it('the filer sees them without the location', async () => {
    const res = await filer.get(`/api/console/opinions/${code}/photos`);
    expect(res.status).toBe(200);
    expect(res.body.items[0].gps).toBeNull();
    expect(JSON.stringify(res.body)).not.toMatch(/31\.24|121\.46/);
  });

  it('another deputy is refused (403), and so is nobody signed in (401)', async () => {
    expect((await other.get(`/api/console/opinions/${code}/photos`)).status).toBe(403);
    expect((await h.request.get(`/api/console/opinions/${code}/photos`)).status).toBe(401);
    expect((await office.get('/api/console/opinions/YJ2026-099/photos')).status).toBe(404);
  });
});

describe('the pictures', () => {
  let base: string;
  beforeAll(async () => {
    const res = await office.get(`/api/console/opinions/${code}/photos`);
    base = `/api/console/opinions/${code}/photos/${res.body.items[0].id as string}`;
  });

  it('the thumbnail is a JPEG of at most 320 px, private and nosniff', async () => {
    const res = await asBuffer(filer.get(`${base}/thumb`));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toMatch(/^private/);
    const meta = await sharp(binary(res)).metadata();
    expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBe(320);
  });

  it('the full picture: as sent for the office (EXIF kept), without EXIF for the filer', async () => {
    const forOffice = await asBuffer(office.get(`${base}/full`));
    expect(forOffice.status).toBe(200);
    expect(await exifr.gps(binary(forOffice))).toMatchObject({ latitude: expect.closeTo(31.2417, 3) });
    // Never stored by the browser: the picture leaves with the session.
    expect(forOffice.headers['cache-control']).toBe('private, no-store');
    const forFiler = await asBuffer(filer.get(`${base}/full`));
    expect(forFiler.status).toBe(200);
    expect(forFiler.headers['cache-control']).toBe('private, no-store');
    expect((await sharp(binary(forFiler)).metadata()).width).toBe(1200);
    expect(await exifr.gps(binary(forFiler))).toBeUndefined();
  });

  it('refuses another deputy, nobody signed in, and a photo that is not on this case', async () => {
    expect((await other.get(`${base}/full`)).status).toBe(403);
    expect((await other.get(`${base}/thumb`)).status).toBe(403);
    expect((await h.request.get(`${base}/thumb`)).status).toBe(401);
    expect((await office.get(`/api/console/opinions/${code}/photos/${'a'.repeat(64)}/full`)).status).toBe(404);
    expect((await office.get(`/api/console/opinions/${code}/photos/not-an-id/full`)).status).toBe(404);
  });
});

describe('the opinions ledger', () => {
  it('has a photo-count column', async () => {
    await h.say('li', '建议 西街下水道堵了，下雨就积水，请疏通', { chattype: 'single' });
    const res = await asBuffer(office.get('/api/console/exports/opinions.xlsx'));
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(binary(res) as never);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    const col = header.indexOf('照片数') + 1;
    expect(col).toBeGreaterThan(0);
    const byCode = new Map<string, unknown>();
    ws.eachRow((row, n) => {
      if (n > 1) byCode.set(String(row.getCell(1).value), row.getCell(col).value);
    });
    expect(byCode.get(code)).toBe(1);
    expect([...byCode.values()].filter((v) => v === 0)).toHaveLength(1);
  });
});
