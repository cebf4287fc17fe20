import { type Harness, createHarness } from '../helpers/harness';

// UNIT_ANSWER_REVIEW=false: a unit contact's answer goes straight on to the filer, with its class; no 审核.
let h: Harness;
const single = { chattype: 'single' as const };

beforeAll(async () => {
  h = await createHarness('units_straight', { env: { UNIT_ANSWER_REVIEW: 'false' } });
  await h.addDeputy('zhangsan', '张三');
  await h.addDeputy('clerk', '赵干事', { isOffice: true });
  await h.say('clerk', '单位 添加 住建办 zj01 陈工');
});
afterAll(async () => h.close());

it('sends the contact’s answer straight to the filer and records it as the unit’s', async () => {
  const code = /YJ\d{4}-\d{3}/.exec(await h.say('zhangsan', '建议 东村桥面有裂缝，雨天积水，车辆通行危险'))![0];
  await h.say('clerk', `交办 ${code} 单位：住建办`);
  await h.drain();
  const before = h.groupTexts().length;
  expect(await h.say('zj01', `答复 ${code} A 已完成桥面修补`, single)).toContain('已转给提出人并请其评价');
  const o = (await h.models.Opinion.findOne({ code }).lean())!;
  expect(o).toMatchObject({ status: '已答复', resolution: 'A', answer: '已完成桥面修补' });
  expect(o.pendingAnswer).toBeUndefined();
  expect(o.timeline.at(-1)).toMatchObject({ action: 'answered', byName: '陈工', via: 'single', resolution: 'A' });
  await h.drain();
  const toFiler = h.groupTexts().slice(before).join('\n');
  expect(toFiler).toContain('<@zhangsan>');
  expect(toFiler).toContain('已完成桥面修补');
  expect(await h.say('clerk', '督办')).not.toContain('待审核');
  expect(await h.say('clerk', `审核 ${code} 通过`)).toContain('没有待审核的单位答复');
});
