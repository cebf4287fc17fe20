import { loadConfig } from '../../config';
import { parseScoreFormula } from '../../config/score';
import { scoreLines } from '../../src/services/performance';
import { scoreRecord } from '../../src/services/performance/score';
import type { PerformanceItem, PerformanceRecord } from '../../src/services/performance/summary';

const TZ = 'Asia/Shanghai';
const at = (iso: string) => new Date(`${iso}T10:00:00+08:00`);

function record(items: PerformanceItem[]): PerformanceRecord {
  const zero = { filed: 0, relayed: 0, cosigned: 0, answered: 0, closed: 0 };
  return {
    userid: 'u',
    name: '张三',
    year: 2026,
    opinions: zero,
    activities: { signedUp: 0, attended: 0, excused: 0, byType: [] },
    meetings: { expected: 0, attended: 0, excused: 0, absent: 0, upcoming: 0 },
    shifts: { scheduled: 0, served: 0 },
    study: { marked: 0, published: 0 },
    items,
  };
}

describe('the 履职积分 formula', () => {
  it('reads the office’s points per part; a part not named counts 0', () => {
    expect(parseScoreFormula('会议=2，活动=1.5, 建议:3,满意＝1')).toEqual({
      meeting: 2,
      activity: 1.5,
      opinion: 3,
      satisfied: 1,
      shift: 0,
      study: 0,
    });
    expect(parseScoreFormula('会议=2,加分=5')).toHaveProperty('problem');
    expect(parseScoreFormula('会议=-1')).toHaveProperty('problem');
    expect(parseScoreFormula('会议=0.125')).toHaveProperty('problem');
  });

  it('is off unless PERFORMANCE_SCORE is set, and a wrong one stops the start naming the variable', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).performanceScore).toBeUndefined();
    expect(loadConfig({ NODE_ENV: 'test', PERFORMANCE_SCORE: '学习=0.5' }).performanceScore?.study).toBe(0.5);
    expect(() => loadConfig({ NODE_ENV: 'test', PERFORMANCE_SCORE: '会议=两分' })).toThrow(/PERFORMANCE_SCORE/);
  });
});

describe('a deputy’s score', () => {
  const weights = { meeting: 2, activity: 2, opinion: 3, satisfied: 1, shift: 1, study: 0.1 };
  const items: PerformanceItem[] = [
    {
      kind: 'opinion',
      code: 'YJ2026-001',
      title: '路灯',
      at: at('2026-01-05'),
      result: 'closed',
      status: '已办结',
      rating: '满意',
    },
    { kind: 'opinion', code: 'YJ2026-002', title: '垃圾', at: at('2026-03-31'), result: 'filed', status: '已交办' },
    { kind: 'cosign', code: 'YJ2026-003', title: '斑马线', at: at('2026-02-01'), result: 'cosigned' },
    { kind: 'meeting', code: 'HY2026-001', title: '主席团', at: at('2026-04-01'), result: 'attended' },
    { kind: 'meeting', code: 'HY2026-002', title: '人代会', at: at('2026-05-01'), result: 'excused' },
    { kind: 'activity', code: 'HD2026-001', title: '视察', at: at('2026-06-30'), result: 'attended' },
    { kind: 'activity', code: 'HD2026-002', title: '调研', at: at('2026-06-01'), result: 'missed' },
    { kind: 'shift', title: '东村联络站', at: at('2026-07-01'), result: 'attended' },
    { kind: 'shift', title: '东村联络站', at: at('2026-08-01'), result: 'missed' },
    { kind: 'study', code: 'XX2026-001', title: '代表法', at: at('2026-10-01'), result: 'marked' },
    { kind: 'study', code: 'XX2026-002', title: '宪法', at: at('2026-12-31'), result: 'marked' },
    { kind: 'study', code: 'XX2026-003', title: '组织法', at: at('2026-12-30'), result: 'marked' },
  ];

  it('adds up, per quarter, the records it names (count × points, exact in tenths)', () => {
    const card = scoreRecord(record(items), weights, TZ);
    expect(card.quarters.map((q) => q.points)).toEqual([7, 4, 1, 0.3]);
    expect(card.total).toBe(12.3);
    const q1 = card.quarters[0]!.parts.filter((p) => p.count > 0);
    expect(q1.map((p) => [p.item, p.count, p.points, p.records.map((r) => r.code)])).toEqual([
      ['opinion', 2, 6, ['YJ2026-001', 'YJ2026-002']],
      ['satisfied', 1, 1, ['YJ2026-001']],
    ]);
    // Each quarter's points are the sum of its parts; the total the sum of the quarters.
    for (const q of card.quarters) expect(q.parts.reduce((s, p) => s + p.points * 10, 0) / 10).toBe(q.points);
  });

  it('says the formula and each quarter’s sum in words', () => {
    const lines = scoreLines(scoreRecord(record(items), weights, TZ), 2026);
    expect(lines[0]).toBe('履职积分（2026年，仅本人可见）：共 12.3 分');
    expect(lines[1]).toBe(
      '积分规则：出席会议 2 分/次，参加活动 2 分/次，提出建议 3 分/件，建议获评满意 1 分/件，值班到岗 1 分/次，学习 0.1 分/份',
    );
    expect(lines[2]).toBe('第1季度 7 分：提出建议 2×3 + 建议获评满意 1×1');
    expect(lines[5]).toBe('第4季度 0.3 分：学习 3×0.1');
  });
});
