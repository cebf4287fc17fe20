import { type Harness, createHarness } from '../helpers/harness';

// The handling unit in the loop, through the callback: the office names a unit's contacts; a case handed to the
// unit reaches them privately (app messages here); the contact answers one-to-one; the office reviews; only the
// approved answer reaches the filer.
let h: Harness;
const single = { chattype: 'single' as const };
const PHONE = '13812345678';

beforeAll(async () => {
  h = await createHarness('units_loop', {
    env: { WECOM_AGENT_ID: '1000002', WECOM_CORP_SECRET: 'corp-secret-units' },
  });
  await h.addDeputy('zhangsan', '张三');
  await h.addDeputy('lisi', '李四');
  await h.addDeputy('clerk', '赵干事', { isOffice: true });
});
afterAll(async () => h.close());

let seen = 0;
/** App messages sent since the last look: to whom, what. */
async function appMessages(): Promise<Array<{ to: string[]; content: string }>> {
  await h.drain();
  const all = h.wecom.pushes.filter((p) => p.channel === 'app');
  const fresh = all.slice(seen);
  seen = all.length;
  return fresh.map((p) => ({ to: [...(p.touser ?? [])].sort(), content: p.content }));
}
const groupSince = (n: number) => h.groupTexts().slice(n).join('\n');

async function file(text: string): Promise<string> {
  return /YJ\d{4}-\d{3}/.exec(await h.say('zhangsan', `建议 ${text}`))![0];
}

describe('contacts', () => {
  it('the office adds, lists and removes contacts; a contact is neither deputy nor office', async () => {
    expect(await h.say('clerk', '单位 添加 住建办 zj01 陈工')).toContain('已把 陈工（zj01）设为「住建办」的联系人');
    expect(await h.say('clerk', '单位 添加 住建办 zj01 陈工')).toContain('陈工（zj01）已是「住建办」的联系人');
    expect(await h.say('clerk', '单位 添加 住建办 zj02 何工')).toContain('何工（zj02）');
    expect(await h.say('clerk', '单位 添加 派出所 pcs01 刘警官')).toContain('这是一个新单位');
    const list = await h.say('clerk', '单位');
    expect(list).toContain('- 住建办：陈工（zj01）、何工（zj02）');
    expect(list).toContain('- 派出所：刘警官（pcs01）');
    expect(await h.say('clerk', '单位 删除 住建办 zj02')).toContain('还有 1 位联系人');
    expect(await h.say('clerk', '单位 删除 住建办 zj02')).toContain('「住建办」没有账号为 zj02 的联系人');
    expect(await h.say('clerk', '单位 添加 住建办 bad/id 某人')).toContain('bad/id');
    // Not for deputies, and not for the contacts themselves.
    expect(await h.say('zhangsan', '单位')).toContain('人大办');
    expect(await h.say('zj01', '单位 添加 住建办 zj09 某人', single)).toContain('您是「住建办」的承办单位联系人');
  });

  it('a contact has only their own commands; help lists them', async () => {
    const help = await h.say('zj01', '帮助', single);
    expect(help).toContain('您是「住建办」的承办单位联系人');
    for (const word of ['待办', '答复', '进度', '登录']) expect(help).toContain(word);
    expect(help).not.toContain('交办');
    expect(help).not.toContain('建议 ');
    for (const text of ['建议 村里路灯坏了很久了', '交办 1 单位：住建办', '督办', '审核 1 通过', '我的建议', '统计'])
      expect(await h.say('zj01', text, single)).toContain('您是「住建办」的承办单位联系人，可以使用');
    // 待办 is the contacts' own: a deputy is told so, the office pointed to 督办.
    expect(await h.say('zhangsan', '待办')).toContain('是承办单位联系人用的命令');
    expect(await h.say('clerk', '待办')).toContain('督办');
    // A stranger is still a stranger.
    expect(await h.say('nobody', '帮助', single)).toContain('联系');
  });
});

describe('the case reaches the unit', () => {
  let code: string;
  it('交办 tells the contacts privately, masked unless the office passes the contact details', async () => {
    code = await file(`东村桥面有裂缝，雨天积水，车辆通行危险，联系人刘大爷 ${PHONE}`);
    await appMessages();
    const before = h.groupTexts().length;
    expect(await h.say('clerk', `交办 ${code} 单位：住建办 期限：10个工作日`)).toContain('已交办');
    expect(groupSince(0)).not.toContain('已列入');
    const sent = await appMessages();
    const toUnit = sent.find((m) => m.to.includes('zj01'))!;
    expect(toUnit.to).toEqual(['zj01']);
    expect(toUnit.content).toContain(`**${code}**`);
    expect(toUnit.content).toContain('还有 10 个工作日');
    expect(toUnit.content).toContain(`答复 ${code} <A|B|C|D> <答复内容>`);
    expect(toUnit.content).toContain('答复经人大办审核后转给提出人');
    expect(toUnit.content).toContain('东村桥面有裂缝');
    expect(toUnit.content).not.toContain(PHONE);
    // The unit's notice is private: the deputies' group gets only the filer's usual notice.
    expect(groupSince(before)).not.toContain('交办给贵单位');
    // The contact reads it masked in 进度 …
    expect(await h.say('zj01', `进度 ${code}`, single)).not.toContain(PHONE);
  });

  it('… and unmasked once the office chose to pass the details on (改派 联系方式：提供)', async () => {
    await h.say('clerk', `改派 ${code} 期限：12个工作日 联系方式：提供`);
    const toUnit = (await appMessages()).find((m) => m.to.includes('zj01'))!;
    expect(toUnit.content).toContain('改派给贵单位');
    expect(toUnit.content).not.toContain(PHONE);
    expect(toUnit.content).toContain(`单聊发送「进度 ${code}」查看`);
    const progress = await h.say('zj01', `进度 ${code}`, single);
    expect(progress).toContain(PHONE);
    expect(progress).toContain(`答复 ${code} <A|B|C|D>`);
    expect(await h.say('clerk', `改派 ${code} 期限：12个工作日 联系方式：也许`)).toContain('联系方式：提供');
  });

  it('待办 lists the unit’s open cases, the nearest deadline first', async () => {
    const later = await file('西村小学门口没有减速带，车速很快，家长担心');
    const sooner = await file('北村垃圾收集点太少，夏天异味很大');
    await h.say('clerk', `交办 ${later} 单位：住建办 期限：20个工作日`);
    await h.say('clerk', `交办 ${sooner} 单位：住建办 期限：3个工作日`);
    const other = await file('南村派出所门口停车混乱，需要划线');
    await h.say('clerk', `交办 ${other} 单位：派出所`);
    const todo = await h.say('zj01', '待办', single);
    const order = [sooner, code, later].map((c) => todo.indexOf(c));
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(todo).toContain('还有 3 个工作日');
    expect(todo).not.toContain(other);
  });

  it('a contact cannot see or answer another unit’s case', async () => {
    const other = (await h.models.Opinion.findOne({ unit: '派出所' }).lean())!.code;
    expect(await h.say('zj01', `进度 ${other}`, single)).toContain(`${other} 不是贵单位正在办理的建议`);
    expect(await h.say('zj01', `答复 ${other} A 已处理`, single)).toContain(`${other} 不是贵单位正在办理的建议`);
    const o = (await h.models.Opinion.findOne({ code: other }).lean())!;
    expect(o.pendingAnswer).toBeUndefined();
    expect(o.status).toBe('已交办');
  });
});

describe('改派 away from a unit', () => {
  it('tells the unit it left, privately, that it need not answer; a new deadline alone tells it nothing more', async () => {
    const moved = await file('东村路口红绿灯坏了，早晚高峰车辆排很长的队');
    await h.say('clerk', `交办 ${moved} 单位：住建办 期限：10个工作日`);
    await h.say('clerk', `改派 ${moved} 期限：15个工作日`);
    expect((await appMessages()).some((m) => m.content.includes('不用再答复'))).toBe(false);
    const before = h.groupTexts().length;
    expect(await h.say('clerk', `改派 ${moved} 单位：派出所`)).toContain('派出所');
    const sent = await appMessages();
    const toLeft = sent.filter((m) => m.to.includes('zj01'));
    expect(toLeft).toHaveLength(1);
    expect(toLeft[0]!.to).toEqual(['zj01']);
    expect(toLeft[0]!.content).toContain(`「住建办」：代表建议 **${moved}**`);
    expect(toLeft[0]!.content).toContain('已由人大办改派给其他单位办理，贵单位不用再答复。');
    expect(toLeft[0]!.content).not.toContain('派出所');
    expect(sent.find((m) => m.to.includes('pcs01'))!.content).toContain('改派给贵单位');
    expect(groupSince(before)).not.toContain('不用再答复');
    expect(await h.say('zj01', `进度 ${moved}`, single)).toContain(`${moved} 不是贵单位正在办理的建议`);
    // A redelivered 改派 tells no one twice.
    await h.say('clerk', `改派 ${moved} 单位：住建办`, { msgid: 'reassign-back' });
    expect(
      (await appMessages()).filter((m) => m.to.includes('pcs01') && m.content.includes('不用再答复')),
    ).toHaveLength(1);
    await h.say('clerk', `改派 ${moved} 单位：住建办`, { msgid: 'reassign-back' });
    expect(await appMessages()).toEqual([]);
  });
});

describe('the unit answers, the office reviews', () => {
  let code: string;
  beforeAll(async () => {
    code = (await h.models.Opinion.findOne({ content: /东村桥面/ }).lean())!.code;
    await appMessages();
  });

  it('an answer in the group is refused; one-to-one it waits for review and the filer sees nothing of it', async () => {
    expect(await h.say('zj01', `答复 ${code} B 已列入明年维修计划`)).toContain('请单聊助手发送答复');
    expect(await h.say('zj01', `答复 ${code} 已列入明年维修计划`, single)).toContain('请在答复内容前写上落实分类');
    expect(await h.say('zj01', `答复 ${code} B 已列入明年维修计划，先设警示牌`, single)).toContain('等待人大办审核');
    const toOffice = (await appMessages()).find((m) => m.to.includes('clerk'))!;
    expect(toOffice.content).toContain('「住建办」陈工 提交了');
    expect(toOffice.content).toContain('B 正在解决');
    expect(toOffice.content).toContain(`审核 ${code} 通过`);
    const filerView = await h.say('zhangsan', `进度 ${code}`, single);
    expect(filerView).not.toContain('已列入明年维修计划');
    expect(filerView).toContain('状态：已交办');
    expect(await h.say('clerk', '督办')).toContain(`- ${code}`);
    expect(await h.say('clerk', '督办')).toContain('**待审核**（1 件单位答复）');
    expect(await h.say('clerk', `进度 ${code}`, single)).toContain('提交答复【B 正在解决】：已列入明年维修计划');
  });

  it('审核 退回 tells the contact why; the filer still sees nothing', async () => {
    expect(await h.say('clerk', `审核 ${code} 退回`)).toContain('请写明退回原因');
    expect(await h.say('clerk', `审核 ${code} 退回 请写明警示牌何时设置`)).toContain('已把原因告诉「住建办」陈工');
    const sent = await appMessages();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: ['zj01'] });
    expect(sent[0]!.content).toContain('原因：请写明警示牌何时设置');
    expect(await h.say('clerk', `审核 ${code} 通过`)).toContain('没有待审核的单位答复');
    expect(await h.say('zj01', '待办', single)).toContain('答复被退回，请重新答复');
    expect(await h.say('zhangsan', `进度 ${code}`, single)).not.toContain('警示牌');
  });

  it('审核 通过 sends the approved text to the filer, with its class', async () => {
    await h.say('zj01', `答复 ${code} B 已列入明年维修计划，本周五前设警示牌`, single);
    await appMessages();
    const before = h.groupTexts().length;
    expect(groupSince(0)).not.toContain('本周五前设警示牌');
    expect(await h.say('clerk', `审核 ${code} 通过`)).toContain('已转给提出人');
    const sent = await appMessages();
    // The filer is told as deputies are (NOTIFY_CHANNEL=group: an @-mention), only now.
    const toFiler = groupSince(before);
    expect(toFiler).toContain('<@zhangsan>');
    expect(toFiler).toContain('本周五前设警示牌');
    expect(toFiler).toContain('落实情况：B 正在解决');
    expect(sent.find((m) => m.to.includes('zj01'))!.content).toContain('已审核通过');
    const o = (await h.models.Opinion.findOne({ code }).lean())!;
    expect(o).toMatchObject({ status: '已答复', resolution: 'B', answer: '已列入明年维修计划，本周五前设警示牌' });
    expect(o.pendingAnswer).toBeUndefined();
    // In the group (one-to-one the filer now gets the rating card).
    const filerView = await h.say('zhangsan', `进度 ${code}`);
    expect(filerView).toContain('答复【B 正在解决】：已列入明年维修计划，本周五前设警示牌');
    expect(filerView).not.toContain('请写明警示牌何时设置');
    expect(filerView).not.toContain('提交答复');
    // Each step is in the operation log under its person.
    const audit = await h.models.AuditEntry.find({ code }).lean();
    const whoDid = audit.map((a) => `${a.actor?.name}:${a.what}`);
    expect(whoDid).toEqual(
      expect.arrayContaining(['陈工:单位提交答复', '赵干事:退回单位答复', '陈工:单位提交答复', '赵干事:录入答复']),
    );
  });

  it('the office can still type an answer itself, which settles a pending one', async () => {
    const c = (await h.models.Opinion.findOne({ content: /西村小学/ }).lean())!.code;
    await h.say('zj01', `答复 ${c} C 已列入明年计划`, single);
    expect(await h.say('clerk', `答复 ${c} A 已安装减速带两处`)).toContain('已记录');
    const o = (await h.models.Opinion.findOne({ code: c }).lean())!;
    expect(o).toMatchObject({ status: '已答复', resolution: 'A', answer: '已安装减速带两处' });
    expect(o.pendingAnswer).toBeUndefined();
  });
});
