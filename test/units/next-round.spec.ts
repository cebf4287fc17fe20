import { type Harness, createHarness } from '../helpers/harness';

// 不满意 sends the case back to the same unit for another round: its contacts get it again, as on 交办, privately
// (app messages here), with the round and the new deadline; a retried rating tells them once.
let h: Harness;

beforeAll(async () => {
  h = await createHarness('units_next_round', {
    env: { WECOM_AGENT_ID: '1000002', WECOM_CORP_SECRET: 'corp-secret-units' },
  });
  await h.addDeputy('zhangsan', '张三');
  await h.addDeputy('clerk', '赵干事', { isOffice: true });
  await h.say('clerk', '单位 添加 住建办 zj01 陈工');
});
afterAll(async () => h.close());

const toContact = () =>
  h.wecom.pushes.filter((p) => p.channel === 'app' && p.touser?.includes('zj01')).map((p) => p.content);

it('tells the unit’s contacts of the next round after 不满意, once', async () => {
  const code = /YJ\d{4}-\d{3}/.exec(await h.say('zhangsan', '建议 村口路灯坏了三个月，晚上出行不安全'))![0];
  await h.say('clerk', `交办 ${code} 单位：住建办`);
  await h.say('clerk', `答复 ${code} B 已报修，等待配件`);
  await h.drain();
  expect(toContact()).toEqual([expect.stringContaining(`**${code}**`)]);
  expect(toContact()[0]).not.toContain('第 2 轮');

  const rating = { msgid: 'rate-once' };
  expect(await h.say('zhangsan', `评价 ${code} 不满意 两周了还没修好`, rating)).toContain('第 2 轮');
  await h.say('zhangsan', `评价 ${code} 不满意 两周了还没修好`, rating);
  await h.drain();
  const told = toContact();
  expect(told).toHaveLength(2);
  expect(told[1]).toContain('人大办交办给贵单位一件代表建议（第 2 轮）');
  expect(told[1]).toContain(`答复 ${code} <A|B|C|D> <答复内容>`);
});
