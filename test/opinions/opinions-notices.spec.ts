import { type Harness, createHarness } from '../helpers/harness';

// NOTIFY_CHANNEL=app: the filer and co-signers are told by app message, and nothing goes to the group.
let h: Harness;

beforeAll(async () => {
  h = await createHarness('opinions_notices', {
    env: { NOTIFY_CHANNEL: 'app', WECOM_AGENT_ID: '1000002', WECOM_CORP_SECRET: 'corp-secret-notices' },
  });
  await h.addDeputy('zhangsan', '张三');
  await h.addDeputy('lisi', '李四');
  await h.addDeputy('wangwu', '王五');
  await h.addDeputy('clerk', '赵干事', { isOffice: true });
});
afterAll(async () => h.close());

let seen = 0;
async function newAppMessages(): Promise<Array<{ to: string[]; content: string }>> {
  await h.drain();
  const all = h.wecom.pushes.filter((p) => p.channel === 'app');
  const fresh = all.slice(seen);
  seen = all.length;
  return fresh.map((p) => ({ to: [...(p.touser ?? [])].sort(), content: p.content }));
}

it('tells the filer and co-signers by app message at every step, including the second round', async () => {
  await h.say('zhangsan', '建议 东村桥面有裂缝，雨天积水，车辆通行危险，联系人 13811112222');
  await h.say('lisi', '附议 1');
  await h.say('wangwu', '附议 1');

  await h.say('clerk', '交办 1 单位：交通运输局');
  const assigned = await newAppMessages();
  expect(assigned).toHaveLength(1);
  expect(assigned[0]!.to).toEqual(['lisi', 'wangwu', 'zhangsan']);
  expect(assigned[0]!.content).toContain('已交办给「交通运输局」');
  expect(assigned[0]!.content).not.toContain('<@');

  await h.say('clerk', '答复 1 A 已安排检测，下月维修');
  const answered = await newAppMessages();
  // The co-signers read the answer; the filer gets it as the vote card (test/cards/cards-opinions.spec.ts).
  expect(answered.map((m) => m.to)).toEqual([['lisi', 'wangwu'], ['zhangsan']]);
  expect(answered[0]!.content).toContain('已安排检测，下月维修');
  expect(answered[0]!.content).toContain('评价 YJ2026-001 满意');
  expect(answered[1]!.content).toBe('请评价答复 YJ2026-001');

  // 不满意: the office is told with the 改派 hint, the co-signers that round two has started.
  await h.say('zhangsan', '评价 1 不满意 还没修');
  const reopened = await newAppMessages();
  expect(reopened).toHaveLength(2);
  const toOffice = reopened.find((m) => m.to.includes('clerk'))!;
  expect(toOffice.to).toEqual(['clerk', 'office1']);
  expect(toOffice.content).toContain('改派 YJ2026-001 单位：');
  expect(toOffice.content).not.toContain('交办 YJ2026-001');
  const toCosigners = reopened.find((m) => m.to.includes('lisi'))!;
  expect(toCosigners.to).toEqual(['lisi', 'wangwu']);
  expect(toCosigners.content).toContain('已转入第 2 轮办理：「交通运输局」');

  await h.say('clerk', '改派 1 单位：城建办 期限：30天');
  expect((await newAppMessages())[0]).toMatchObject({ to: ['lisi', 'wangwu', 'zhangsan'] });
  await h.say('clerk', '答复 1 A 已完成维修');
  await h.say('zhangsan', '评价 1 满意');
  await h.say('clerk', '办结 1');
  const closing = await newAppMessages();
  expect(closing.map((m) => m.to)).toEqual([
    ['lisi', 'wangwu'],
    ['zhangsan'],
    ['clerk', 'office1'],
    ['lisi', 'wangwu', 'zhangsan'],
  ]);
  expect(closing[2]!.content).toContain('可以办结：办结 YJ2026-001');
  expect(closing[3]!.content).toContain('已办结');

  await h.say('zhangsan', '建议 西村垃圾桶太少，夏天气味大');
  // Units are known now: the office gets the new opinion as its 交办 card (test/cards/cards-office-notice.spec.ts).
  expect(await newAppMessages()).toEqual([{ to: ['clerk', 'office1'], content: '交办 YJ2026-002' }]);
  await h.say('lisi', '附议 2');
  await h.say('clerk', '退回 2 已列入村规民约，由村委会自行解决');
  const rejected = await newAppMessages();
  expect(rejected).toEqual([{ to: ['lisi', 'zhangsan'], content: expect.stringContaining('原因：已列入村规民约') }]);

  expect(h.wecom.groupPushes()).toEqual([]);
});
