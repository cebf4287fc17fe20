import { daysTaken, isOverdue } from '../../src/services/exports';
import { uniqueSheetName } from '../../src/services/exports';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import ExcelJS from 'exceljs';
import { excelWallTime, writeXlsx } from '../../src/services/exports';

describe('uniqueSheetName', () => {
  it('drops characters Excel forbids and keeps names within 31 characters', () => {
    const used = new Set<string>();
    expect(uniqueSheetName('张三[东村]:*?/\\', used)).toBe('张三_东村______');
    expect(uniqueSheetName("'引号'", used)).toBe('引号');
    const long = '欧阳'.repeat(20);
    expect(uniqueSheetName(long, used)).toHaveLength(31);
    expect(uniqueSheetName(long, used)).toBe(`${'欧阳'.repeat(13)}欧 (2)`);
    expect(uniqueSheetName('', used)).toBe('Sheet');
  });

  it('is unique regardless of case', () => {
    const used = new Set<string>();
    expect(uniqueSheetName('Zhang', used)).toBe('Zhang');
    expect(uniqueSheetName('zhang', used)).toBe('zhang (2)');
    expect(uniqueSheetName('ZHANG', used)).toBe('ZHANG (3)');
  });
});

describe('ledger figures', () => {
  const deadline = new Date('2026-02-01T00:00:00+08:00');
  const round = { round: 1, unit: '环卫所', deadline, assignedAt: new Date('2026-01-05T10:00:00+08:00') };
  it('flags late answers and open rounds past their deadline', () => {
    const now = new Date('2026-03-01T00:00:00+08:00');
    expect(isOverdue({ status: '已交办', rounds: [round] } as never, now)).toBe(true);
    expect(isOverdue({ status: '已交办', rounds: [round] } as never, new Date('2026-01-20T00:00:00+08:00'))).toBe(
      false,
    );
    expect(
      isOverdue(
        { status: '已办结', rounds: [{ ...round, answeredAt: new Date('2026-02-03T00:00:00+08:00') }] } as never,
        now,
      ),
    ).toBe(true);
    expect(
      isOverdue(
        { status: '已答复', rounds: [{ ...round, answeredAt: new Date('2026-01-20T00:00:00+08:00') }] } as never,
        now,
      ),
    ).toBe(false);
    expect(isOverdue({ status: '已退回', rounds: [round] } as never, now)).toBe(false);
  });

  it('counts Beijing calendar days to closing, or to now while open', () => {
    const filedAt = new Date('2026-01-05T23:30:00+08:00');
    expect(
      daysTaken({ filedAt, closedAt: new Date('2026-01-06T00:10:00+08:00') } as never, new Date(), 'Asia/Shanghai'),
    ).toBe(1);
    expect(daysTaken({ filedAt } as never, new Date('2026-01-15T08:00:00+08:00'), 'Asia/Shanghai')).toBe(10);
  });

  it('writes the Beijing wall-clock time into the cell', () => {
    expect(excelWallTime(new Date('2026-01-05T02:00:00Z'), 'Asia/Shanghai').toISOString()).toBe(
      '2026-01-05T10:00:00.000Z',
    );
  });
});

describe('streaming', () => {
  it('keeps a big sheet out of memory: rows wait for the compressor instead of piling up', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'xlsx-stream-'));
    const file = path.join(dir, 'big.xlsx');
    const text = '村口路灯不亮，夜间行人不便，请尽快维修。'.repeat(40); // ~2.4 KB of XML per row, ~30 MB in all
    const rows = 12_000;
    // Buffers are freed only by a collection: collect before each reading so only live data counts.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const live = () => {
      gc();
      return process.memoryUsage().arrayBuffers;
    };
    const base = live();
    let peak = 0;
    try {
      await writeXlsx(file, 'Asia/Shanghai', async (x) => {
        const sheet = x.sheet('2026年', [
          { header: '编号', width: 13 },
          { header: '内容', width: 50, kind: 'longText' },
        ]);
        for (let i = 0; i < rows; i += 1) {
          await sheet.addRow([`YJ2026-${i + 1}`, `${text}${i}`]);
          if (i % 2000 === 1999) peak = Math.max(peak, live() - base);
        }
      });
      expect(peak).toBeLessThan(15 * 1024 * 1024);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      expect(wb.worksheets[0]!.rowCount).toBe(rows + 1);
      expect(wb.worksheets[0]!.getRow(rows + 1).getCell(1).value).toBe(`YJ2026-${rows}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
