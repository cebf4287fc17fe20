import { type Harness, createHarness } from '../helpers/harness';

let h: Harness;

beforeAll(async () => {
  h = await createHarness('opinions_refuse');
  await h.addDeputy('zhangsan', '张三');
  await h.addDeputy('lisi', '李四');
  await h.addDeputy('clerk', '赵干事', { isOffice: true });
  await h.addDeputy('clerk2', '钱干事', { isOffice: true });
});
afterAll(async () => h.close());

let n = 0;
/** Files a fresh opinion as zhangsan and returns its code. */
async function fileOne(text = '村里的水渠年久失修，灌溉困难，请安排修缮'): Promise<string> {
  n += 1;
  const reply = await h.say('zhangsan', `建议 ${text}（${n}）`);
  return /YJ2026-\d{3}/.exec(reply)![0];
}

const statusOf = async (code: string) => (await h.models.Opinion.findOne({ code }).lean())!.status;

describe('content and codes', () => {
  it('refuses empty, too short and oversized content with examples, and files nothing', async () => {
    expect(await h.say('zhangsan', '建议')).toContain('例如：\n建议 村口路灯坏了');
    expect(await h.say('zhangsan', '民意')).toContain('民意 村口路灯');
    expect(await h.say('zhangsan', '建议 路灯')).toContain('至少 5 个字');
    expect(await h.say('zhangsan', `建议 ${'很'.repeat(2001)}`)).toContain('有 2001 个字，超过了 2000 字的上限');
    expect(await h.models.Opinion.countDocuments({})).toBe(0);
  });

  it('refuses a missing, malformed or unknown code', async () => {
    expect(await h.say('zhangsan', '进度')).toContain('请写上建议编号，例如：进度 YJ2026-001');
    expect(await h.say('zhangsan', '附议 abc')).toContain('「abc」不是建议编号');
    expect(await h.say('zhangsan', '进度 HD2026-001')).toContain('不是建议编号');
    expect(await h.say('zhangsan', '进度 YJ2026-099')).toContain('没有找到建议 YJ2026-099');
    expect(await h.say('clerk', '交办 YJ2025-003 单位：公安分局')).toContain('没有找到建议 YJ2025-003');
  });
});

describe('roles and ownership', () => {
  it('keeps office commands from deputies', async () => {
    const code = await fileOne();
    for (const cmd of [
      `交办 ${code} 单位：水利站`,
      `答复 ${code} A 已修`,
      `办结 ${code}`,
      `退回 ${code} 不属于`,
      '督办',
      '统计',
    ]) {
      expect(await h.say('lisi', cmd)).toContain('只有人大办工作人员可以使用');
    }
    expect(await statusOf(code)).toBe('待交办');
  });

  it('lets only the filer rate or withdraw, and nobody co-sign their own or twice', async () => {
    const code = await fileOne();
    expect(await h.say('lisi', `撤回 ${code}`)).toContain(`只有 ${code} 的提出人可以撤回`);
    expect(await h.say('zhangsan', `附议 ${code}`)).toContain('是您自己提交的建议');
    expect(await h.say('lisi', `附议 ${code}`)).toContain('已附议');
    expect(await h.say('lisi', `附议 ${code}`)).toContain('已经附议过');
    await h.say('clerk', `交办 ${code} 单位：水利站`);
    await h.say('clerk', `答复 ${code} A 已安排修缮`);
    expect(await h.say('lisi', `评价 ${code} 满意`)).toContain(`只有 ${code} 的提出人可以评价`);
    expect(await h.say('clerk', `评价 ${code} 满意`)).toContain('提出人');
    expect(await statusOf(code)).toBe('已答复');
  });
});

describe('wrong states', () => {
  it('refuses each step out of order, saying where it stands and what to do', async () => {
    const code = await fileOne();
    expect(await h.say('clerk', `答复 ${code} A 已修好`)).toMatch(
      new RegExp(`${code} 目前是「待交办」，不能答复。.*可以先交办：交办 ${code}`),
    );
    expect(await h.say('clerk', `办结 ${code}`)).toContain('不能办结');
    expect(await h.say('zhangsan', `评价 ${code} 满意`)).toContain('还没有答复');
    await h.say('clerk', `交办 ${code} 单位：水利站`);
    expect(await h.say('zhangsan', `撤回 ${code}`)).toMatch(
      /目前是「已交办」，不能撤回。最近一步：.*赵干事 交办。正由「水利站」办理/,
    );
    expect(await h.say('clerk', `办结 ${code}`)).toContain('不能办结');
    expect(await h.say('clerk', `答复 ${code} A ${'很'.repeat(2001)}`)).toContain(
      '答复有 2001 个字，超过了 2000 字的上限',
    );
    await h.say('clerk', `答复 ${code} A 已修缮完毕`);
    expect(await h.say('clerk', `退回 ${code} 不在范围`)).toContain('不能退回');
    expect(await h.say('clerk', `交办 ${code} 单位：水利站`)).toContain('不能交办');
    expect(await h.say('zhangsan', `评价 ${code} 很好`)).toContain('满意、基本满意 或 不满意');
    expect(await h.say('zhangsan', `评价 ${code} 不满意 ${'还'.repeat(501)}`)).toBe(
      '评价说明有 501 个字，超过了 500 字的上限，请精简后再发（评价还没有记录）。',
    );
    expect(await h.say('zhangsan', `评价 ${code} 基本满意`)).toContain('基本满意');
    expect(await h.say('zhangsan', `评价 ${code} 满意`)).toContain('已经评价过');
    await h.say('clerk', `办结 ${code}`);
    expect(await h.say('lisi', `附议 ${code}`)).toContain('目前是「已办结」，不能附议');
    expect(await h.say('clerk', `办结 ${code}`)).toContain('不能办结');
  });

  it('withdrawn and rejected opinions accept nothing more', async () => {
    const a = await fileOne();
    expect(await h.say('zhangsan', `撤回 ${a}`)).toContain(`已撤回 ${a}`);
    expect(await h.say('clerk', `交办 ${a} 单位：水利站`)).toContain('目前是「已撤回」');
    expect(await h.say('lisi', `附议 ${a}`)).toContain('不能附议');
    const b = await fileOne();
    expect(await h.say('clerk', `退回 ${b}`)).toContain('请写上退回原因');
    expect(await h.say('clerk', `退回 ${b} ${'很'.repeat(2001)}`)).toContain(
      '退回原因有 2001 个字，超过了 2000 字的上限',
    );
    expect(await h.say('clerk', `进度 ${b}`)).toContain(`不在办理范围：退回 ${b} <原因>`);
    expect(await h.say('clerk', `退回 ${b} 属于司法诉讼事项`)).toContain(`已退回 ${b}`);
    expect(await h.say('zhangsan', `撤回 ${b}`)).toContain('目前是「已退回」');
    await h.drain();
    expect(h.groupTexts().some((t) => t.startsWith('<@zhangsan>') && t.includes('原因：属于司法诉讼事项'))).toBe(true);
  });
});

describe('assigning', () => {
  it('needs a unit, refuses unreadable and past deadlines, and defaults to 15 working days', async () => {
    const code = await fileOne();
    expect(await h.say('clerk', `交办 ${code}`)).toContain('请写上承办单位');
    expect(await h.say('clerk', `交办 ${code} 单位：水利站 期限：很快`)).toContain('看不懂期限「很快」');
    expect(await h.say('clerk', `交办 ${code} 单位：水利站 期限：2026-11-01`)).toContain(
      '已经过去了（现在是 2026年11月22日（周日）10:00）',
    );
    expect(await statusOf(code)).toBe('待交办');
    const ok = await h.say('clerk', `交办 ${code} 水利站`);
    expect(ok).toContain('2026年12月11日（周五）（默认期限）');
  });

  it('counts a deadline in a year the official calendar does not cover by weekends only, and says so', async () => {
    const code = await fileOne();
    h.clock.set('2026-12-20T10:00:00+08:00');
    try {
      const logged = h.logLines.length;
      const reply = await h.say('clerk', `交办 ${code} 单位：水利站`);
      // 15 working days from Sunday 2026-12-20, 2027 counted by weekends only: Friday 2027-01-08.
      expect(reply).toContain('办理期限 2027年1月8日（周五）（按周末估算）（默认期限）');
      expect(reply).toContain(
        '2027年的法定节假日安排还未录入，工作日只扣除了周末，请核对期限；安排公布后发送「节假日 设置 2027 休：… 班：…」录入',
      );
      const warning = h.logLines
        .slice(logged)
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((l) => l.code === code);
      expect(warning).toMatchObject({ level: 40, year: 2027, msg: expect.stringContaining('counted weekends only') });
      // A plain date needs no calendar: no note.
      expect(await h.say('clerk', `改派 ${code} 期限：2027-01-29`)).not.toContain('节假日');
    } finally {
      h.clock.set('2026-11-22T10:00:00+08:00');
    }
  });

  it('改派 with only a new deadline keeps the unit and tells the filer the new deadline', async () => {
    const code = await fileOne();
    await h.say('clerk', `交办 ${code} 单位：水利站`);
    await h.drain();
    const pushed = h.groupTexts().length;
    const reply = await h.say('clerk', `改派 ${code} 期限：12月31日`);
    expect(reply).toContain(`已把 ${code} 的办理期限调整为 2026年12月31日（周四），承办单位「水利站」不变`);
    await h.drain();
    const push = h.groupTexts().slice(pushed);
    expect(push).toHaveLength(1);
    expect(push[0]).toContain('仍由「水利站」办理，办理期限调整为 2026年12月31日（周四）');
    expect(await h.models.Opinion.findOne({ code }).lean()).toMatchObject({
      unit: '水利站',
      deadline: new Date('2026-12-31T23:59:59.999+08:00'),
    });
    expect(await h.say('clerk', `改派 ${code}`)).toContain(`只延期：改派 ${code} 期限：`);
  });

  it('matches abbreviations and typos to known units, and asks when it could be several', async () => {
    for (const unit of ['市场监管分局', '公安分局', '教育管理中心', '市场服务中心']) {
      await h.say('clerk', `交办 ${await fileOne()} 单位：${unit}`);
    }
    const abbrev = await h.say('clerk', `交办 ${await fileOne()} 单位：公安`);
    expect(abbrev).toContain('给「公安分局」');
    expect(abbrev).toContain('「公安」按已有单位「公安分局」处理');
    expect(await h.say('clerk', `交办 ${await fileOne()} 单位：教育管里中心`)).toContain('给「教育管理中心」');
    const ambiguous = await h.say('clerk', `交办 ${await fileOne()} 单位：市场`);
    expect(ambiguous).toContain('「市场」可能是：');
    expect(ambiguous).toContain('「市场监管分局」');
    expect(ambiguous).toContain('「市场服务中心」');
    expect(ambiguous).toContain('请写全称再发一次');
    expect(await h.say('clerk', `交办 ${await fileOne()} 单位：公安局（新）`)).toContain('给「公安局」');
    expect(await h.models.HandlingUnit.countDocuments({ name: '公安局' })).toBe(1);
  });
});

describe('concurrency', () => {
  it('counts one 附议 when the same deputy sends it several times at once', async () => {
    const code = await fileOne();
    const replies = await Promise.all(
      [1, 2, 3, 4, 5].map((i) => h.say('lisi', `附议 ${code}`, { msgid: `cosign-race-${i}` })),
    );
    expect(replies.filter((r) => r.includes('已附议')).length).toBe(1);
    expect(replies.filter((r) => r.includes('已经附议过')).length).toBe(4);
    expect((await h.models.Opinion.findOne({ code }).lean())!.cosigners).toEqual(['lisi']);
  });

  it('lets exactly one of two clerks answering at once win; the other is told who did', async () => {
    const code = await fileOne();
    await h.say('clerk', `交办 ${code} 单位：水利站`);
    const [a, b] = await Promise.all([
      h.say('clerk', `答复 ${code} A 答复甲`),
      h.say('clerk2', `答复 ${code} A 答复乙`),
    ]);
    const wins = [a, b].filter((r) => r.includes('已记录'));
    const loses = [a, b].filter((r) => r.includes('不能答复'));
    expect(wins).toHaveLength(1);
    expect(loses).toHaveLength(1);
    expect(loses[0]).toMatch(/(赵干事|钱干事) 录入答复/);
    const doc = (await h.models.Opinion.findOne({ code }).lean())!;
    expect(doc.timeline.filter((e) => e.action === 'answered')).toHaveLength(1);
    expect(['答复甲', '答复乙']).toContain(doc.answer);
  });

  it('a rating racing a close leaves one consistent outcome', async () => {
    const code = await fileOne();
    await h.say('clerk', `交办 ${code} 单位：水利站`);
    await h.say('clerk', `答复 ${code} A 已修`);
    const [rate, close] = await Promise.all([
      h.say('zhangsan', `评价 ${code} 不满意 没修好`),
      h.say('clerk', `办结 ${code}`),
    ]);
    const doc = (await h.models.Opinion.findOne({ code }).lean())!;
    if (doc.status === '已办结') {
      expect(close).toContain('已办结');
      expect(rate).toContain('不能评价');
      expect(doc.round).toBe(1);
    } else {
      expect(doc).toMatchObject({ status: '已交办', round: 2 });
      expect(rate).toContain('第 2 轮');
      expect(close).toContain('不能办结');
    }
  });

  it('a 不满意 racing the answer never loses the answer from the round history', async () => {
    for (let i = 0; i < 4; i++) {
      const code = await fileOne();
      await h.say('clerk', `交办 ${code} 单位：水利站`);
      const [answer, rate] = await Promise.all([
        h.say('clerk', `答复 ${code} A 已修缮${i}`),
        h.say('zhangsan', `评价 ${code} 不满意 没修好`),
      ]);
      expect(answer).toContain('已记录');
      const doc = (await h.models.Opinion.findOne({ code }).lean())!;
      expect(doc.rounds[0]).toMatchObject({ answer: `已修缮${i}` });
      if (doc.round === 2) expect(rate).toContain('第 2 轮');
      else expect(rate).toContain('还没有答复');
    }
  });

  it('a re-run of the same message (crash before the reply was stored) applies nothing twice', async () => {
    const code = await fileOne();
    await h.say('clerk', `交办 ${code} 单位：水利站`);
    const actor = { userid: 'clerk', name: '赵干事', isOffice: true };
    const input = { actor, msgId: 'replayed-answer-1', now: h.clock.now() };
    const first = await h.services.opinions.answer({ code, text: '已修缮', resolution: 'A' }, input);
    const again = await h.services.opinions.answer({ code, text: '已修缮', resolution: 'A' }, input);
    expect(again.opinion.timeline).toHaveLength(first.opinion.timeline.length);
    expect(await h.models.OutboxItem.countDocuments({ key: `opinion:${code}:answered:1` })).toBe(1);
    await expect(
      h.services.opinions.answer({ code, text: '已修缮', resolution: 'A' }, { ...input, msgId: 'another-message' }),
    ).rejects.toMatchObject({ code: 'opinion.wrongState', fields: { code, status: '已答复', action: 'answer' } });
  });

  it('a re-run of the same 改派 (whose guard still holds afterwards) applies it once', async () => {
    const code = await fileOne();
    await h.say('clerk', `交办 ${code} 单位：水利站`);
    const input = {
      actor: { userid: 'clerk', name: '赵干事', isOffice: true },
      msgId: 'replayed-reassign-1',
      now: h.clock.now(),
    };
    const typed = {
      code,
      unit: '农业服务中心',
      deadline: { date: new Date(h.clock.now().getTime() + 30 * 86_400_000) },
    };
    await h.services.opinions.reassign(typed, input);
    const again = await h.services.opinions.reassign(typed, input);
    expect(again).toMatchObject({ reassigned: true, sameUnit: false, unit: '农业服务中心' });
    const doc = (await h.models.Opinion.findOne({ code }).lean())!;
    expect(doc.timeline.filter((e) => e.action === 'reassigned')).toHaveLength(1);
    expect(await h.models.OutboxItem.countDocuments({ key: { $regex: `^opinion:${code}:reassigned:` } })).toBe(1);
  });

  it('改派 needs an assigned opinion; racing 改派 leave a consistent record', async () => {
    const code = await fileOne();
    expect(await h.say('clerk', `改派 ${code} 单位：水利站`)).toContain('不能改派');
    await h.say('clerk', `交办 ${code} 单位：水利站`);
    expect(await h.say('clerk', `改派 ${code}`)).toContain('请写上新的承办单位');
    const [a, b] = await Promise.all([
      h.say('clerk', `改派 ${code} 单位：农业服务中心`),
      h.say('clerk2', `改派 ${code} 单位：交通运输局`),
    ]);
    // Overlapping reads: one wins and the other is told; back-to-back: both apply in order. Either way
    // every "已改派" reply has its timeline entry and the opinion shows the last one.
    const applied = [a, b].filter((r) => r.startsWith('已改派'));
    expect(applied.length + [a, b].filter((r) => r.includes('已由')).length).toBe(2);
    const doc = (await h.models.Opinion.findOne({ code }).lean())!;
    const entries = doc.timeline.filter((e) => e.action === 'reassigned');
    expect(entries).toHaveLength(applied.length);
    expect(doc.unit).toBe(entries[entries.length - 1]!.unit);
  });

  it('two clerks assigning at once: one assigns, the other is told', async () => {
    const code = await fileOne();
    const [a, b] = await Promise.all([
      h.say('clerk', `交办 ${code} 单位：水利站`),
      h.say('clerk2', `交办 ${code} 单位：农业服务中心`),
    ]);
    expect([a, b].filter((r) => r.startsWith('已交办'))).toHaveLength(1);
    expect([a, b].filter((r) => r.includes('已由') && r.includes('改派'))).toHaveLength(1);
    expect((await h.models.Opinion.findOne({ code }).lean())!.rounds).toHaveLength(1);
  });
});
