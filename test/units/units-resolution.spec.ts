import { type Harness, createHarness } from '../helpers/harness';
import { signIn } from '../helpers/console';

// 落实 class on answers: the office's chat `答复 <编号> [A|B|C|D] <内容>` asks for the class rather than guess it.
let h: Harness;

beforeAll(async () => {
  h = await createHarness('units_resolution');
  await h.addDeputy('zhangsan', '张三');
  await h.addDeputy('clerk', '赵干事', { isOffice: true });
});
afterAll(async () => h.close());

async function fileAndAssign(text: string): Promise<string> {
  const code = /YJ\d{4}-\d{3}/.exec(await h.say('zhangsan', `建议 ${text}`))![0];
  await h.say('clerk', `交办 ${code} 单位：住建办`);
  return code;
}

it('stores the class on the round, the opinion and the timeline, and tells the filer', async () => {
  const code = await fileAndAssign('东村桥面有裂缝，雨天积水，车辆通行危险');
  expect(await h.say('clerk', `答复 ${code} ｂ类：已列入明年维修计划，先设警示牌`)).toContain('已记录');
  const o = (await h.models.Opinion.findOne({ code }).lean())!;
  expect(o).toMatchObject({ status: '已答复', resolution: 'B', answer: '已列入明年维修计划，先设警示牌' });
  expect(o.rounds[0]).toMatchObject({ resolution: 'B', answer: '已列入明年维修计划，先设警示牌' });
  expect(o.timeline.at(-1)).toMatchObject({ action: 'answered', resolution: 'B' });
  expect(await h.say('zhangsan', `进度 ${code}`)).toContain('答复【B 正在解决】：已列入明年维修计划');
  await h.drain();
  expect(h.groupTexts().join('\n')).toContain('落实情况：B 正在解决');
});

it('asks for the class when it is missing and refuses one that is not A–D; nothing is recorded', async () => {
  const code = await fileAndAssign('西村小学门口没有减速带，车速很快');
  const missing = await h.say('clerk', `答复 ${code} 已安装减速带`);
  expect(missing).toContain('请在答复内容前写上落实分类（A 已解决、B 正在解决、C 列入计划、D 因条件限制暂不能解决）');
  expect(missing).toContain(`答复 ${code} A `);
  expect(await h.say('clerk', `答复 ${code} E 已安装减速带`)).toContain('「E」不是落实分类');
  // A word that merely starts with a letter is not a class.
  expect(await h.say('clerk', `答复 ${code} A区已安装减速带`)).toContain('请在答复内容前写上落实分类');
  expect(await h.say('clerk', `答复 ${code} D`)).toContain('请写上单位的答复内容');
  const o = (await h.models.Opinion.findOne({ code }).lean())!;
  expect(o.status).toBe('已交办');
  expect(o.answer).toBeUndefined();
  expect(await h.say('clerk', `答复 ${code} d 路段属省道，已报县交通局`)).toContain('已记录');
  expect((await h.models.Opinion.findOne({ code }).lean())!.resolution).toBe('D');
});

it('the console answer form takes the class from its selector: missing or unknown is a form error', async () => {
  const office = await signIn(h, 'clerk');
  const code = await fileAndAssign('北村垃圾收集点太少，夏天异味大');
  const { version } = (await office.get(`/api/console/opinions/${code}`)).body;
  const path = `/api/console/opinions/${code}/answer`;
  const missing = await office.post(path, { text: '已增设两个收集点', version });
  expect(missing.status).toBe(400);
  expect(missing.body.error.fields.resolution).toContain('落实分类');
  const bad = await office.post(path, { text: '已增设两个收集点', resolution: 'E', version });
  expect(bad.status).toBe(400);
  expect(bad.body.error.fields.resolution).toContain('A、B、C、D');
  const ok = await office.post(path, { text: '已增设两个收集点', resolution: 'A', version });
  expect(ok.status).toBe(200);
  expect(ok.body.rounds[0]).toMatchObject({ resolution: 'A', answer: '已增设两个收集点' });
  expect(ok.body.timeline.at(-1)).toMatchObject({ action: 'answered', resolution: 'A' });
});
