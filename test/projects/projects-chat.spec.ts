import { type Harness, createHarness } from '../helpers/harness';

// 民生实事 in the chat: 立项 from a closed 票决, the unit, progress (to the group once), inspections naming a
// project, the list and one project, completion; refusals and who may do what.
let h: Harness;
const single = { chattype: 'single' as const };
const deputies = ['d1', 'd2', 'd3', 'd4', 'd5'];

beforeAll(async () => {
  // Tuesday 2026-12-01 10:00 Beijing.
  h = await createHarness('projects-chat', { now: '2026-12-01T10:00:00+08:00' });
  await h.addDeputy('office1', '王主任');
  for (const [i, id] of deputies.entries()) await h.addDeputy(id, `代表${i + 1}`);
  const at = h.clock.now();
  await h.models.HandlingUnit.create({ name: '城乡建设办公室', useCount: 3, firstUsedAt: at, lastUsedAt: at });
  await h.say(
    'office1',
    '发起票决 2027年民生实事 候选：村道硬化；饮水改造；养老服务站 选2项 截止：12月5日18点',
    single,
  );
});
afterAll(async () => h.close());

const office = (text: string) => h.say('office1', text, single);
const project = (code: string) => h.models.Project.findOne({ code }).lean();

it('refuses 立项 while the ballot is open, and for a deputy', async () => {
  expect(await office('立项 PJ2026-001')).toBe('票决 PJ2026-001《2027年民生实事》还在进行中，结束后才公布结果。');
  expect(await h.say('d1', '立项 PJ2026-001', single)).toContain('只有人大办工作人员可以使用');
  expect(await office('立项')).toContain('格式：立项 <票决编号>');
  expect(await h.models.Project.countDocuments()).toBe(0);
});

it('立项 makes a project of each chosen candidate, once', async () => {
  // 1 and 2 get 5 and 3 votes, 3 gets 2: 1 and 2 are chosen.
  const picks = ['1 2', '1 2', '1 2', '1 3', '1 3'];
  for (const [i, id] of deputies.entries()) await h.say(id, `投票 PJ2026-001 ${picks[i]}`, single);
  await office('结束票决 PJ2026-001');
  expect(await office('立项 PJ2026-001')).toBe(
    [
      'PJ2026-001 立项：',
      '- SS2026-001 村道硬化（承办单位未定）',
      '- SS2026-002 饮水改造（承办单位未定）',
      '发送「实事单位 SS2026-001 <承办单位>」指定承办单位；里程碑在工作台「民生实事」页填写。',
    ].join('\n'),
  );
  expect(await office('立项 PJ2026-001')).toContain('- SS2026-001 村道硬化（承办单位未定）（之前已立项）');
  expect(await h.models.Project.countDocuments()).toBe(2);
  expect(await project('SS2026-001')).toMatchObject({ ballotCode: 'PJ2026-001', candidate: 1, state: 'underway' });
});

it('refuses a candidate that was not chosen, or is no candidate', async () => {
  expect(await office('立项 PJ2026-001 3')).toBe('PJ2026-001 的 3. 养老服务站 没有当选，不能立项。');
  expect(await office('立项 PJ2026-001 9')).toBe('序号 9 不是 PJ2026-001 的候选，候选序号是 1 到 3。');
  expect(await office('立项 PJ2026-009')).toBe('没有找到票决 PJ2026-009。发送「票决」查看编号。');
  expect(await h.models.Project.countDocuments()).toBe(2);
});

it('names the unit as 交办 reads it (an abbreviation finds the known unit)', async () => {
  expect(await office('实事单位 SS2026-001 城建办')).toBe(
    '已把 SS2026-001 的承办单位定为「城乡建设办公室」（按「城建办」匹配）。',
  );
  expect(await office('实事单位 SS2026-002 水务站')).toBe('已把 SS2026-002 的承办单位定为「水务站」（新单位）。');
  expect(await office('实事单位 SS2026-009 水务站')).toBe(
    '没有找到民生实事项目 SS2026-009。发送「实事」查看本年的项目。',
  );
  expect(await office('实事单位 SS2026-002 ' + '很'.repeat(41))).toBe('承办单位名称最长 40 字。');
  expect((await project('SS2026-002'))?.unit).toBe('水务站');
});

it('records progress, pushes it to the group once when asked, and keeps retries single', async () => {
  const first = { ...single, msgid: 'progress-1' };
  expect(await h.say('office1', '实事进展 SS2026-001 公布 路基已完成，电话13812345678联系', first)).toBe(
    '已记录 SS2026-001 的进展（共 1 条），并发到群里。',
  );
  // WeCom delivers the same message again: nothing more is posted or pushed.
  await h.say('office1', '实事进展 SS2026-001 公布 路基已完成，电话13812345678联系', first);
  expect(await office('实事进展 SS2026-001 开始铺设沥青')).toBe('已记录 SS2026-001 的进展（共 2 条）。');
  await h.drain();
  const pushes = h.groupTexts().filter((t) => t.startsWith('**民生实事进展**'));
  expect(pushes).toHaveLength(1);
  expect(pushes[0]).toContain('SS2026-001 村道硬化（城乡建设办公室）');
  expect(pushes[0]).not.toContain('13812345678');
  const p = await project('SS2026-001');
  expect(p?.progress.map((e) => [e.text, e.pushed])).toEqual([
    ['路基已完成，电话13812345678联系', true],
    ['开始铺设沥青', false],
  ]);
  expect(await office('实事进展 SS2026-001')).toContain('格式：实事进展 <编号> [公布] <内容>');
  expect(await office('实事进展 SS2026-001 公布')).toContain('格式：实事进展 <编号> [公布] <内容>');
  expect(await h.say('d1', '实事进展 SS2026-001 好', single)).toContain('只有人大办工作人员可以使用');
  expect((await project('SS2026-001'))?.progress).toHaveLength(2);
});

it('links a 视察 to a project; the project shows who signed up and who signed in', async () => {
  expect(await office('发布活动 视察村道 时间：12月3日14:30 地点：甲村 类型：视察 项目：SS2026-009')).toBe(
    '没有民生实事项目 SS2026-009。发送「实事」查看编号。',
  );
  expect(await h.models.Activity.countDocuments()).toBe(0);
  await office('发布活动 视察村道硬化 时间：12月3日14:30 地点：甲村 类型：视察 项目：ss2026-1');
  expect(await h.models.Activity.findOne({ code: 'HD2026-001' }).lean()).toMatchObject({ project: 'SS2026-001' });
  await h.say('d1', '报名 HD2026-001', single);
  await h.say('d2', '报名 HD2026-001', single);
  h.clock.set('2026-12-03T14:00:00+08:00');
  await h.say('d1', '签到 HD2026-001', single);
  const shown = await h.say('d3', '实事 SS2026-001', single);
  expect(shown).toContain('**SS2026-001 村道硬化**（实施中）');
  expect(shown).toContain('承办单位：城乡建设办公室；由 PJ2026-001 票决确定');
  expect(shown).toContain('里程碑：未填写');
  // Newest first; the phone number is the office's own words, shown in full one-to-one.
  expect(shown).toMatch(/进展（最近 2 条）：\n- 2026年12月1日\S* 开始铺设沥青\n- 2026年12月1日\S* 路基已完成/);
  expect(shown).toContain('- HD2026-001 视察村道硬化（2026年12月3日（周四）14:30）报名 2 人，签到 1 人');
});

it('lists the year’s projects for everyone, with progress and inspections', async () => {
  expect(await h.say('d4', '实事', single)).toBe(
    [
      '**2026年民生实事项目**（2 项）',
      '- SS2026-001 村道硬化（城乡建设办公室）实施中 · 进展 2 条 · 视察 1 次',
      '- SS2026-002 饮水改造（水务站）实施中 · 进展 0 条 · 视察 0 次',
      '发送「实事 <编号>」查看一项的里程碑、进展和视察。',
    ].join('\n'),
  );
  expect(await h.say('d4', '实事 2025', single)).toBe('2025年还没有民生实事项目。');
  expect(await h.say('d4', '实事 XX', single)).toContain('「XX」不是民生实事项目编号');
});

it('marks a project done once', async () => {
  expect(await office('实事完成 SS2026-002')).toBe('已把 SS2026-002 饮水改造 标为完成。');
  expect(await office('实事完成 SS2026-002')).toBe('SS2026-002 已经标为完成。');
  expect(await project('SS2026-002')).toMatchObject({ state: 'done' });
  expect(await h.say('d1', '实事完成 SS2026-001', single)).toContain('只有人大办工作人员可以使用');
});
