import { daysTaken, isOverdue } from '../../src/services/exports/opinions-ledger';
import { uniqueSheetName } from '../../src/services/exports/sheet-names';
import { excelWallTime } from '../../src/services/exports/xlsx-stream';

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
    expect(isOverdue({ status: '已交办', rounds: [round] } as never, new Date('2026-01-20T00:00:00+08:00'))).toBe(false);
    expect(isOverdue({ status: '已办结', rounds: [{ ...round, answeredAt: new Date('2026-02-03T00:00:00+08:00') }] } as never, now)).toBe(true);
    expect(isOverdue({ status: '已答复', rounds: [{ ...round, answeredAt: new Date('2026-01-20T00:00:00+08:00') }] } as never, now)).toBe(false);
    expect(isOverdue({ status: '已退回', rounds: [round] } as never, now)).toBe(false);
  });

  it('counts Beijing calendar days to closing, or to now while open', () => {
    const filedAt = new Date('2026-01-05T23:30:00+08:00');
    expect(daysTaken({ filedAt, closedAt: new Date('2026-01-06T00:10:00+08:00') } as never, new Date(), 'Asia/Shanghai')).toBe(1);
    expect(daysTaken({ filedAt } as never, new Date('2026-01-15T08:00:00+08:00'), 'Asia/Shanghai')).toBe(10);
  });

  it('writes the Beijing wall-clock time into the cell', () => {
    expect(excelWallTime(new Date('2026-01-05T02:00:00Z'), 'Asia/Shanghai').toISOString()).toBe('2026-01-05T10:00:00.000Z');
  });
});
