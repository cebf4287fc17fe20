import { defaults } from '../../config/defaults';
import { readSheetFile } from '../../src/services/roster';
import { buildZip, sheetXml, xlsxEntries } from '../helpers/zip';

// An uploaded .xlsx is a zip: its declared and real unpacked size, its entry count and its rows are checked
// before (or instead of) parsing. Hand-made archives stand for the hostile ones.

const limits = { ...defaults.rosterFile, maxUnpackedBytes: 1024 * 1024, maxEntries: 20, maxRows: 50 };
const header = ['企业微信账号', '姓名', '层级'];

describe('roster file limits', () => {
  it('reads a small hand-made workbook', async () => {
    const file = buildZip(xlsxEntries(sheetXml([header, ['zhang', '张三', '镇']])));
    const read = await readSheetFile(file, '名册.xlsx', limits);
    expect(read.ok && read.sheets[0]!.rows.map((r) => r.cells)).toEqual([header, ['zhang', '张三', '镇']]);
  });

  it('refuses an archive that declares more than the limit, without unpacking it', async () => {
    // 8 MB of spaces packs into a few KB.
    const bomb = buildZip(xlsxEntries(Buffer.alloc(8 * 1024 * 1024, 0x20)));
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(await readSheetFile(bomb, '名册.xlsx', limits)).toEqual({ ok: false, problem: 'tooLarge' });
  });

  it('refuses an archive that lies: an entry unpacking to more than it declares', async () => {
    const entries = xlsxEntries(Buffer.alloc(8 * 1024 * 1024, 0x20));
    entries[4]!.declaredSize = 1000;
    expect(await readSheetFile(buildZip(entries), '名册.xlsx', limits)).toEqual({ ok: false, problem: 'tooLarge' });
  });

  it('refuses too many entries', async () => {
    const entries = xlsxEntries(sheetXml([header]));
    for (let i = 0; i < 30; i++) entries.push({ name: `xl/media/x${i}.xml`, data: Buffer.from('<x/>') });
    expect(await readSheetFile(buildZip(entries), '名册.xlsx', limits)).toEqual({ ok: false, problem: 'tooLarge' });
  });

  it('refuses more rows than the limit, in a workbook or a CSV', async () => {
    const rows = [header, ...Array.from({ length: 60 }, (_, i) => [`u${i}`, `代表${i}`, '镇'])];
    expect(await readSheetFile(buildZip(xlsxEntries(sheetXml(rows))), '名册.xlsx', limits)).toEqual({
      ok: false,
      problem: 'tooManyRows',
      detail: '50',
    });
    const csv = Buffer.from(rows.map((r) => r.join(',')).join('\n'));
    expect(await readSheetFile(csv, '名册.csv', limits)).toMatchObject({ ok: false, problem: 'tooManyRows' });
  });

  it('a file that is not a zip is unreadable, not a crash', async () => {
    expect(await readSheetFile(Buffer.from('not a zip at all'), '名册.xlsx', limits)).toMatchObject({
      ok: false,
      problem: 'unreadable',
    });
  });
});
