import { type StepAudit, expectAudited } from '../helpers/audit-oracle';
import { askCard, tapButton, tapCallback } from '../helpers/card-taps';
import type { TemplateCardJson } from '../helpers/cards';
import { type ConsoleClient, signIn } from '../helpers/console';
import { type Harness, createHarness } from '../helpers/harness';
import { makePhoto, sendBotImage, servePhoto } from '../helpers/photos';

// The 操作日志 of opinions, ballots and projects, step by step through the real doors (chat, console, card taps,
// the colours job): each step's entries name exactly the records the step changed in the database (the audit
// oracle), and say who did it, how and what. A write site that forgets its entry fails its step here.

let h: Harness;
let office: ConsoleClient;
const single = { chattype: 'single' } as const;

beforeAll(async () => {
  // Monday 2026-11-23 09:00 Beijing.
  h = await createHarness('audit-explicit-op', {
    now: '2026-11-23T09:00:00+08:00',
    tunables: { photos: { allowLoopbackHttp: true } },
    env: { WECOM_AGENT_ID: '1000002', WECOM_CORP_SECRET: 'corp-secret-audit' },
  });
  await h.addDeputy('office1', '王主任', { isOffice: true });
  await h.addDeputy('zhang', '张三');
  await h.addDeputy('li', '李四');
  await h.addDeputy('wang', '王五');
  expect(await h.say('office1', '单位 添加 住建办 zj01 陈工')).toContain('陈工（zj01）');
  office = await signIn(h, 'office1');
}, 60_000);
afterAll(async () => h.close());

/** Runs a step that must write: its entries equal what changed, and what changed is `changed`. */
async function wrote<T>(changed: string[], fn: () => Promise<T>): Promise<StepAudit<T>> {
  const audit = await expectAudited(h, fn);
  // An HTTP answer or a tap's is 200 (the step was taken, not refused); the body says why when it is not.
  const status = (audit.result as { status?: unknown }).status;
  const body = JSON.stringify((audit.result as { body?: unknown }).body ?? '');
  if (typeof status === 'number') expect(`${status} ${body}`).toMatch(/^200 /);
  expect(audit.changed).toEqual([...changed].sort());
  return audit;
}
/** Each entry as `via who what`. */
const said = (a: StepAudit<unknown>) => a.entries.map((e) => `${e.via} ${e.actor.userid} ${e.what}`);
const codeIn = (text: string, re = /YJ\d{4}-\d{3}/) => re.exec(text)?.[0] ?? '';
const versionOf = async (code: string): Promise<number> =>
  (await office.get(`/api/console/opinions/${code}`)).body.version;

describe('opinions through the chat', () => {
  let a = '';
  let b = '';

  it('建议 and 民意 each create one opinion, named by the filer', async () => {
    const filed = await expectAudited(h, () => h.say('zhang', '建议 村口路灯坏了三个月，晚上出行不安全'));
    a = codeIn(filed.result);
    expect(filed.changed).toEqual([`Opinion ${a} create`]);
    expect(filed.entries).toEqual([
      { actor: { userid: 'zhang', name: '张三' }, via: 'chat', what: '建议', kind: 'Opinion', code: a, op: 'create' },
    ]);
    const relayed = await expectAudited(h, () => h.say('li', '民意 东村王大妈反映低保补贴三个月没发'));
    b = codeIn(relayed.result);
    expect(relayed.changed).toEqual([`Opinion ${b} create`]);
  });

  it('附议, 撤回, 交办, 改派: one update each, named by the step', async () => {
    expect(said(await wrote([`Opinion ${a} update`], () => h.say('li', `附议 ${a}`)))).toEqual(['chat li 附议']);
    expect(said(await wrote([`Opinion ${b} update`], () => h.say('li', `撤回 ${b}`)))).toEqual(['chat li 撤回']);
    const assigned = await wrote([`Opinion ${a} update`], () => h.say('office1', `交办 ${a} 单位：住建办`));
    expect(said(assigned)).toEqual(['chat office1 交办']);
    const moved = await wrote([`Opinion ${a} update`], () => h.say('office1', `改派 ${a} 期限：12月20日`));
    expect(said(moved)).toEqual(['chat office1 改派']);
  });

  it('the unit’s answer, the office’s review, the rating and a second round', async () => {
    const submitted = await wrote([`Opinion ${a} update`], () =>
      h.say('zj01', `答复 ${a} B 已列入维修计划，先设警示牌`, single),
    );
    expect(said(submitted)).toEqual(['chat zj01 单位提交答复']);
    await wrote([`Opinion ${a} update`], () => h.say('office1', `审核 ${a} 退回 请写明警示牌何时设置`));
    await wrote([`Opinion ${a} update`], () => h.say('zj01', `答复 ${a} B 本周五前设警示牌`, single));
    await wrote([`Opinion ${a} update`], () => h.say('office1', `审核 ${a} 通过`));
    const unhappy = await wrote([`Opinion ${a} update`], () => h.say('zhang', `评价 ${a} 不满意 灯还是不亮`));
    expect(unhappy.entries).toHaveLength(1);
    await wrote([`Opinion ${a} update`], () => h.say('office1', `答复 ${a} A 三盏路灯均已修复`));
    await wrote([`Opinion ${a} update`], () => h.say('zhang', `评价 ${a} 满意`));
    expect(said(await wrote([`Opinion ${a} update`], () => h.say('office1', `办结 ${a}`)))).toEqual([
      'chat office1 办结',
    ]);
  });

  it('重办, 催办, 跟踪 and 退回', async () => {
    await wrote([`Opinion ${a} update`], () => h.say('office1', `重办 ${a} 修好后又坏了`));
    await wrote([`Opinion ${a} update`], () => h.say('office1', `催办 ${a}`));
    await wrote([`Opinion ${a} update`], () => h.say('office1', `答复 ${a} B 已安排更换线路`));
    await wrote([`Opinion ${a} update`], () => h.say('office1', `跟踪 ${a} 12月10日`));
    const c = codeIn(await h.say('wang', '建议 希望镇上多开几个篮球场'));
    const rejected = await wrote([`Opinion ${c} update`], () => h.say('office1', `退回 ${c} 不属于人大代表建议范围`));
    expect(said(rejected)).toEqual(['chat office1 退回']);
  });

  it('a photo sent before 建议 is attached with the filing: the create covers it; 附图 is one update', async () => {
    await sendBotImage(h, 'wang', { url: servePhoto(h, await makePhoto()).url });
    const filed = await expectAudited(h, () => h.say('wang', '建议 北桥栏杆断了两根，很危险', single));
    const code = codeIn(filed.result);
    expect(filed.result).toContain('已附 1 张照片');
    expect(filed.changed).toEqual([`Opinion ${code} create`]);
    expect(filed.recorded).toEqual([`Opinion ${code} create`]);
    await sendBotImage(h, 'wang', { url: servePhoto(h, await makePhoto({ color: [10, 200, 10] })).url });
    const attached = await wrote([`Opinion ${code} update`], () => h.say('wang', `附图 ${code}`, single));
    expect(said(attached)).toEqual(['chat wang 附图']);
  });

  it('records nothing for a refused step or a replay', async () => {
    const refused = await expectAudited(h, () => h.say('li', `撤回 ${a}`));
    expect(refused.changed).toEqual([]);
    const msgid = 'audit-cosign-once';
    const c = codeIn(await h.say('zhang', '建议 菜市场门口积水严重，下雨天难以通行'));
    await wrote([`Opinion ${c} update`], () => h.say('wang', `附议 ${c}`, { msgid }));
    expect((await expectAudited(h, () => h.say('wang', `附议 ${c}`, { msgid }))).changed).toEqual([]);
  });
});

describe('opinions through the console', () => {
  let c = '';
  const act = async (code: string, action: string, body: Record<string, unknown>) => {
    const res = await office.post(`/api/console/opinions/${code}/${action}`, {
      ...body,
      version: await versionOf(code),
    });
    expect(res.status).toBe(200);
    return res;
  };

  it('each case step is one update by the console, named by the step', async () => {
    c = codeIn(await h.say('zhang', '建议 学校门口缺少斑马线，孩子过马路危险'));
    const category = await wrote([`Opinion ${c} update`], () => act(c, 'category', { category: '环境整治' }));
    expect(said(category)).toEqual(['console office1 改类别']);
    await wrote([`Opinion ${c} update`], () => act(c, 'assign', { unit: '住建办', workdays: 10 }));
    await wrote([`Opinion ${c} update`], () => act(c, 'reassign', { deadline: '2026-12-24' }));
    await wrote([`Opinion ${c} update`], () => act(c, 'remind', {}));
    await wrote([`Opinion ${c} update`], () => act(c, 'answer', { text: '已列入明年计划', resolution: 'C' }));
    await wrote([`Opinion ${c} update`], () => act(c, 'followUp', { deadline: '2026-12-28' }));
    await wrote([`Opinion ${c} update`], () => act(c, 'close', {}));
    const reopened = await wrote([`Opinion ${c} update`], () => act(c, 'reopen', { reason: '斑马线被刮掉了' }));
    expect(said(reopened)).toEqual(['console office1 重办']);
  });

  it('the unit answers in the console, the office reviews; 退回 and a batch 交办', async () => {
    const zj = await signIn(h, 'zj01');
    const version = await versionOf(c);
    const answered = await wrote([`Opinion ${c} update`], () =>
      zj.post(`/api/console/unit/opinions/${c}/answer`, { text: '已重新划线', resolution: 'A', version }),
    );
    expect(answered.result.status).toBe(200);
    expect(said(answered)).toEqual(['console zj01 单位提交答复']);
    await wrote([`Opinion ${c} update`], () => act(c, 'review', { approve: true }));
    const d = codeIn(await h.say('li', '建议 镇上需要一个公共图书馆'));
    await wrote([`Opinion ${d} update`], () => act(d, 'reject', { reason: '请向文化站反映' }));
    const e = codeIn(await h.say('li', '建议 西村桥面坑洼不平'));
    const f = codeIn(await h.say('li', '建议 北村垃圾收集点太少'));
    const batch = await wrote([`Opinion ${e} update`, `Opinion ${f} update`], () =>
      office.post('/api/console/opinions/assign-batch', { codes: [e, f], unit: '住建办' }),
    );
    expect(batch.result.body.done).toEqual([e, f]);
  });
});

describe('opinions through card taps', () => {
  it('交办 from the office’s card, 督办 from the overdue card, the filer’s rating from the vote card', async () => {
    const c = codeIn(await h.say('zhang', '建议 南街下水道堵了，污水外溢'));
    const card = await askCard(h, 'office1', `进度 ${c}`);
    const [units, deadlines] = card.select_list!;
    const assign = {
      userid: 'office1',
      taskId: card.task_id,
      key: card.submit_button!.key,
      cardType: 'multiple_interaction',
      selected: {
        [units!.question_key]: [units!.option_list.find((o) => o.text === '住建办')!.id],
        [deadlines!.question_key]: [deadlines!.option_list[0]!.id],
      },
    };
    expect(said(await wrote([`Opinion ${c} update`], () => tapCallback(h, assign)))).toEqual(['card office1 交办']);

    await h.say('office1', `改派 ${c} 期限：11月24日`);
    h.clock.set('2026-11-26T10:00:00+08:00');
    const overdue = await askCard(h, 'office1', '督办');
    const chased = await wrote([`Opinion ${c} update`], () => tapButton(h, 'office1', overdue, c));
    expect(said(chased)).toEqual(['card office1 督办']);

    await h.say('office1', `答复 ${c} A 已疏通`);
    const vote: TemplateCardJson = await askCard(h, 'zhang', `进度 ${c}`);
    const rated = await wrote([`Opinion ${c} update`], () =>
      tapCallback(h, {
        userid: 'zhang',
        taskId: vote.task_id,
        key: vote.submit_button!.key,
        cardType: 'vote_interaction',
        selected: { [vote.checkbox!.question_key]: ['satisfied'] },
      }),
    );
    expect(said(rated)).toEqual(['card zhang 评价']);
  });
});

describe('ballots and projects through the chat, a card tap and the console', () => {
  const office1 = (text: string) => h.say('office1', text, single);
  const rid = () => `req-${Math.random().toString(36).slice(2)}`;

  it('发起票决 creates the ballot; each vote (typed or tapped) updates it, naming the voter only', async () => {
    const opened = await expectAudited(h, () =>
      office1('发起票决 2027年民生实事 候选：村道硬化；饮水改造；养老服务站 选2项 截止：12月10日18点'),
    );
    expect(opened.changed).toEqual(['Ballot PJ2026-001 create']);
    expect(said(opened)).toEqual(['chat office1 发起票决']);
    const typed = await wrote(['Ballot PJ2026-001 update'], () => h.say('zhang', '投票 PJ2026-001 1 2', single));
    expect(typed.entries).toEqual([
      {
        actor: { userid: 'zhang', name: '张三' },
        via: 'chat',
        what: '投票',
        kind: 'Ballot',
        code: 'PJ2026-001',
        op: 'update',
      },
    ]);
    const box = await askCard(h, 'li', '投票 PJ2026-001');
    const tapped = await wrote(['Ballot PJ2026-001 update'], () =>
      tapCallback(h, {
        userid: 'li',
        taskId: box.task_id,
        key: box.submit_button!.key,
        cardType: 'vote_interaction',
        selected: { [box.checkbox!.question_key]: ['c1', 'c2'] },
      }),
    );
    expect(tapped.entries.map((e) => [e.via, e.actor.userid, e.kind, e.code])).toEqual([
      ['card', 'li', 'Ballot', 'PJ2026-001'],
    ]);
    await wrote(['Ballot PJ2026-001 update'], () => h.say('wang', '投票 PJ2026-001 1 3', single));
    // A second vote is refused and writes nothing.
    expect((await expectAudited(h, () => h.say('wang', '投票 PJ2026-001 2 3', single))).changed).toEqual([]);
  });

  it('结束票决 and 公布票决 update the ballot; 立项 creates a project per chosen candidate', async () => {
    await wrote(['Ballot PJ2026-001 update'], () => office1('结束票决 PJ2026-001'));
    await wrote(['Ballot PJ2026-001 update'], () => office1('公布票决 PJ2026-001'));
    const adopted = await wrote(['Project SS2026-001 create', 'Project SS2026-002 create'], () =>
      office1('立项 PJ2026-001'),
    );
    expect(said(adopted)).toEqual(['chat office1 立项', 'chat office1 立项']);
    expect((await expectAudited(h, () => office1('立项 PJ2026-001'))).changed).toEqual([]);
    await wrote(['Project SS2026-001 update'], () => office1('实事单位 SS2026-001 住建办'));
    await wrote(['Project SS2026-001 update'], () => office1('实事进展 SS2026-001 公布 路基已完成'));
    await wrote(['Project SS2026-002 update'], () => office1('实事完成 SS2026-002'));
  });

  it('测评 and 评议 open rating ballots; 催投 writes nothing', async () => {
    await wrote(['Ballot PJ2026-002 create'], () => office1('发起测评 截止：12月20日18点'));
    await wrote(['Ballot PJ2026-002 update'], () => h.say('zhang', '投票 PJ2026-002 满意 基本满意', single));
    expect((await expectAudited(h, () => office1('催投 PJ2026-002'))).changed).toEqual([]);
    await wrote(['Ballot PJ2026-003 create'], () => office1('发起评议 单位：住建办 截止：12月20日18点'));
    // 结束票决 … 公布: closed and announced in one step, one record changed.
    await wrote(['Ballot PJ2026-002 update'], () => office1('结束票决 PJ2026-002 公布'));
  });

  it('the console opens, closes and announces ballots and appraisals, adopts and edits projects', async () => {
    const form = {
      title: '2027年第二批民生实事',
      candidates: ['路灯更换', '公厕改造', '广场修缮'],
      choose: 1,
      upTo: false,
    };
    office = await signIn(h, 'office1');
    const opened = await wrote(['Ballot PJ2026-004 create'], () =>
      office.post('/api/console/ballots', { ...form, deadline: '2026-12-10 18:00', requestId: rid() }),
    );
    expect(said(opened)).toEqual([expect.stringMatching(/^console office1 /)]);
    await h.say('li', '投票 PJ2026-004 2', single);
    await h.say('zhang', '投票 PJ2026-004 2', single);
    await wrote(['Ballot PJ2026-004 update'], () =>
      office.post('/api/console/ballots/PJ2026-004/close', { announce: true }),
    );
    await wrote(['Ballot PJ2026-005 create'], () =>
      office.post('/api/console/ballots/appraisals', {
        of: 'unit',
        title: '',
        subjects: ['住建办'],
        deadline: '2026-12-20 18:00',
        requestId: rid(),
      }),
    );
    expect(
      (await expectAudited(h, () => office.post('/api/console/ballots/PJ2026-005/remind', { requestId: rid() })))
        .changed,
    ).toEqual([]);
    await wrote(['Ballot PJ2026-005 update'], () => office.post('/api/console/ballots/PJ2026-005/close', {}));
    await wrote(['Ballot PJ2026-005 update'], () => office.post('/api/console/ballots/PJ2026-005/announce', {}));

    await wrote(['Project SS2026-003 create'], () =>
      office.post('/api/console/projects', { ballotCode: 'PJ2026-004' }),
    );
    const { version } = (await office.get('/api/console/projects/SS2026-003')).body.project;
    await wrote(['Project SS2026-003 update'], () =>
      office.post('/api/console/projects/SS2026-003', {
        version,
        unit: '住建办',
        state: 'underway',
        milestones: [{ due: '2027-03-01', text: '完成设计' }],
      }),
    );
    await wrote(['Project SS2026-003 update'], () =>
      office.post('/api/console/projects/SS2026-003/progress', { text: '设计已完成', requestId: rid() }),
    );
  });
});

describe('the colours job', () => {
  it('records each colour it tells on a case as the job’s update', async () => {
    const c = codeIn(await h.say('zhang', '建议 东街井盖松动，夜里有人踩空'));
    await h.say('office1', `交办 ${c} 单位：住建办 期限：11月27日`);
    const colours: string[] = [];
    for (const day of ['2026-11-27', '2026-11-30', '2026-12-07']) {
      h.clock.set(`${day}T09:00:10+08:00`);
      const tick = await expectAudited(h, () => h.scheduler.tick(h.clock.now()));
      expect(tick.changed).toContain(`Opinion ${c} update`);
      const mine = tick.entries.filter((e) => e.code === c);
      expect(mine.map((e) => [e.via, e.actor.userid])).toEqual([['job', 'job:colours']]);
      colours.push((await h.models.Opinion.findOne({ code: c }).lean())!.colourNotice!.colour);
    }
    expect(colours).toEqual(['yellow', 'red', 'red']);
  });
});
