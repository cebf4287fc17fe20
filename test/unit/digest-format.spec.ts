import { type DigestData, formatDigest, packSections } from '../../src/services/bulletins';

const tz = 'Asia/Shanghai';
const at = (s: string) => new Date(`${s}+08:00`);
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

function emptyData(): DigestData {
  return {
    now: at('2026-11-23T09:00:00'),
    period: { from: at('2026-11-16T00:00:00'), to: at('2026-11-23T00:00:00') },
    upcoming: { activities: [], meetings: [] },
    lastWeek: {
      filed: 0,
      byCategory: {},
      assigned: 0,
      answered: 0,
      closed: 0,
      ratings: { 满意: 0, 基本满意: 0, 不满意: 0 },
    },
    overdue: { count: 0 },
    year: 2026,
    rates: { answerRate: '—', closeRate: '—', satisfactionRate: '—', resolveRate: '—' },
    study: [],
  };
}

function knownWeek(): DigestData {
  return {
    ...emptyData(),
    upcoming: {
      activities: [
        {
          code: 'HD2026-003',
          title: '视察民生实事项目',
          startAt: at('2026-11-25T14:30:00'),
          place: '镇政府门口',
          capacity: 10,
          confirmed: 7,
        },
        { code: 'HD2026-004', title: '代表培训', startAt: at('2026-11-27T09:00:00'), place: '党校', confirmed: 12 },
        {
          code: 'HD2026-005',
          title: '执法检查',
          startAt: at('2026-11-28T09:00:00'),
          place: '联系电话13812345678',
          capacity: 5,
          confirmed: 5,
        },
      ],
      meetings: [
        {
          code: 'HY2026-002',
          title: '主席团会议 <@lisi>',
          startAt: at('2026-11-26T09:00:00'),
          place: '三楼会议室',
          expected: 40,
          answered: 12,
        },
      ],
    },
    lastWeek: {
      filed: 5,
      byCategory: { 公共交通: 3, 社会保障: 2 },
      assigned: 3,
      answered: 2,
      closed: 1,
      ratings: { 满意: 1, 基本满意: 1, 不满意: 0 },
    },
    overdue: { count: 2, oldest: { code: 'YJ2026-004', title: '村口路灯不亮', overdueDays: 12 } },
    rates: { answerRate: '80.0%', closeRate: '60.0%', satisfactionRate: '100.0%', resolveRate: '50.0%' },
    study: [{ code: 'XX2026-003', title: '代表法第二讲', learned: 20, total: 45 }],
  };
}

describe('formatDigest', () => {
  it('lays out a known week section by section', () => {
    const parts = formatDigest(knownWeek(), { tz });
    expect(parts).toHaveLength(1);
    const text = parts[0]!;
    expect(text).toBe(
      [
        '**代表工作周报**（11月23日）',
        '',
        '**未来一周**',
        '活动：',
        '- HD2026-003 视察民生实事项目｜11月25日 14:30｜镇政府门口｜余 3 个名额',
        '- HD2026-004 代表培训｜11月27日 09:00｜党校｜不限名额',
        '- HD2026-005 执法检查｜11月28日 09:00｜联系电话138****5678｜名额已满，可候补',
        '会议：',
        '- HY2026-002 主席团会议 ＜@lisi＞｜11月26日 09:00｜三楼会议室｜已回执 12/40',
        '',
        '**上周意见建议**（11月16日—11月22日）',
        '新收 5 件：公共交通 3、社会保障 2',
        '交办 3 件，答复 2 件，办结 1 件',
        '收到评价：满意 1，基本满意 1，不满意 0',
        '',
        '**逾期未答复**',
        '共 2 件已超过办理期限',
        '最久：YJ2026-004「村口路灯不亮」已逾期 12 天',
        '',
        '**学习**',
        '上周推送 XX2026-003《代表法第二讲》，已学 20/45 人',
        '',
        '**2026年以来**',
        '答复率 80.0%，办结率 60.0%，满意率 100.0%，解决率 50.0%',
        '',
        '**请您**',
        '- 报名活动：报名 HD2026-003',
        '- 会议回执：回执 HY2026-002 参加（或 请假 HY2026-002 原因）',
        '- 学完标记：已学 XX2026-003',
        '- 有意见建议随时发送：建议 <内容>',
      ].join('\n'),
    );
  });

  it('leaves out sections with nothing to say', () => {
    const d = emptyData();
    d.overdue = { count: 1, oldest: { code: 'YJ2026-001', title: '路灯', overdueDays: 3 } };
    const text = formatDigest(d, { tz }).join('\n');
    expect(text).toContain('**逾期未答复**');
    expect(text).not.toContain('未来一周');
    expect(text).not.toContain('上周意见建议');
    expect(text).not.toContain('**学习**');
    expect(text).not.toContain('年以来');
  });

  it('says an empty week in one line', () => {
    expect(formatDigest(emptyData(), { tz })).toEqual([
      '**代表工作周报**（11月23日）\n本周没有新的活动、会议和意见建议，祝各位代表工作顺利。',
    ]);
  });

  it('keeps every part under the byte limit, breaking between sections, losing nothing', () => {
    const d = knownWeek();
    d.upcoming.activities = Array.from({ length: 8 }, (_, i) => ({
      code: `HD2026-${String(i + 10).padStart(3, '0')}`,
      title: `社区走访调研活动第${i + 1}场：走访困难群众家庭，了解养老、医保和就业方面的实际困难`,
      startAt: at('2026-11-25T14:30:00'),
      place: '镇政府一楼大会议室（请从东门进入）',
      capacity: 20,
      confirmed: i,
    }));
    const full = formatDigest(d, { tz, maxBytes: 100_000 })[0]!;
    const parts = formatDigest(d, { tz, maxBytes: 1200 });
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(bytes(p)).toBeLessThanOrEqual(1200);
    // Every line survives, in order.
    expect(parts.join('\n').split('\n').filter(Boolean)).toEqual(full.split('\n').filter(Boolean));
  });

  it('breaks between whole sections when each fits on its own', () => {
    const parts = formatDigest(knownWeek(), { tz, maxBytes: 700 });
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(bytes(p)).toBeLessThanOrEqual(700);
      expect(p.startsWith('**')).toBe(true);
    }
    expect(parts.join('\n\n')).toBe(formatDigest(knownWeek(), { tz })[0]);
  });

  it('caps long lists and points to the full list', () => {
    const d = knownWeek();
    d.upcoming.activities = Array.from({ length: 11 }, (_, i) => ({
      code: `HD2026-${100 + i}`,
      title: '活动',
      startAt: at('2026-11-25T14:30:00'),
      place: '镇政府',
      confirmed: 0,
    }));
    const text = formatDigest(d, { tz }).join('\n');
    expect(text.match(/^- HD2026-/gm)).toHaveLength(8);
    expect(text).toContain('- 另有 3 项，发送「活动」查看');
  });
});

describe('packSections', () => {
  it('splits a section larger than the limit by bytes on character boundaries', () => {
    const big = '很'.repeat(500); // 1500 bytes
    const parts = packSections(['标题', big, '尾'], 400);
    for (const p of parts) expect(bytes(p)).toBeLessThanOrEqual(400);
    expect(parts.join('').replace(/\n/g, '')).toBe(`标题${big}尾`);
  });
});
