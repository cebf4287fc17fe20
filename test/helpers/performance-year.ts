import type { Harness } from './harness';

/** Pulls a code like HD2026-001 out of a reply, or fails the test with the reply. */
function codeIn(reply: string, prefix: string): string {
  const code = new RegExp(`${prefix}\\d{4}-\\d{3}`).exec(reply)?.[0];
  if (!code) throw new Error(`no ${prefix} code in: ${reply}`);
  return code;
}

async function expectReply(h: Harness, userid: string, text: string, part: string): Promise<string> {
  const reply = await h.say(userid, text);
  if (!reply.includes(part)) throw new Error(`「${text}」 answered: ${reply}`);
  return reply;
}

/**
 * A known year, built through the commands deputies and the office really use. For 2026:
 * 张三: filed 2 (1 relayed, 1 withdrawn not counted), co-signed 1, answered 2, closed 1; activities signed up 1,
 *   attended 2 (视察 1, 培训 1); meetings attended 1; shifts 1 of 1; studied 1 of 1.
 * 李四: filed 1, co-signed 2 (one filed in 2025); activity signed up 1, attended 0; meeting excused 1; shifts 0.
 * 王五: co-signed 1; meeting absent 1; studied 0.
 */
export async function seedPerformanceYear(
  h: Harness,
): Promise<{ meeting: string; inspection: string; training: string }> {
  await h.addDeputy('zhangsan', '张三', { group: '农村农业' });
  await h.addDeputy('lisi', '李四', { group: '社会治理', level: '县' });
  await h.addDeputy('wangwu', '王五');

  h.clock.set('2025-12-20T10:00:00+08:00');
  await expectReply(h, 'zhangsan', '建议 东村桥面破损严重，雨天积水，请尽快维修', 'YJ2025-001');

  h.clock.set('2026-01-05T10:00:00+08:00');
  await expectReply(h, 'lisi', '附议 YJ2025-001', '附议');
  await expectReply(h, 'zhangsan', '建议 村口三盏路灯不亮，夜间行人不便，请尽快维修', 'YJ2026-001');
  await expectReply(h, 'zhangsan', '民意 群众反映东村垃圾清运不及时，夏天气味很大', 'YJ2026-002');
  await expectReply(h, 'lisi', '建议 建议在镇中心小学门口增设斑马线和减速带', 'YJ2026-003');
  await expectReply(h, 'zhangsan', '建议 这是一条测试建议，马上撤回', 'YJ2026-004');
  await expectReply(h, 'zhangsan', '撤回 YJ2026-004', '撤回');
  await expectReply(h, 'zhangsan', '附议 YJ2026-003', '附议');
  await expectReply(h, 'wangwu', '附议 YJ2026-001', '附议');
  await expectReply(h, 'lisi', '附议 YJ2026-001', '附议');
  await expectReply(h, 'office1', '交办 YJ2026-001 单位：城管执法中队', '已交办');
  await expectReply(h, 'office1', '交办 YJ2026-002 单位：环卫所', '已交办');
  h.clock.set('2026-01-12T10:00:00+08:00');
  await expectReply(h, 'office1', '答复 YJ2026-001 A 三盏路灯均已修复', '已记录');
  await expectReply(h, 'office1', '答复 YJ2026-002 A 已增加清运班次', '已记录');
  await expectReply(h, 'zhangsan', '评价 YJ2026-001 满意', '满意');
  await expectReply(h, 'office1', '办结 YJ2026-001', '已办结');

  h.clock.set('2026-04-01T10:00:00+08:00');
  const inspection = codeIn(
    await expectReply(h, 'office1', '发布活动 视察民生实事项目 时间：2026-04-10 09:00 地点：东村 类型：视察', 'HD2026'),
    'HD',
  );
  const training = codeIn(
    await expectReply(h, 'office1', '发布活动 代表履职培训 时间：2026-04-20 09:00 地点：镇政府 类型：培训', 'HD2026'),
    'HD',
  );
  await expectReply(h, 'zhangsan', `报名 ${inspection}`, inspection);
  await expectReply(h, 'lisi', `报名 ${inspection}`, inspection);
  h.clock.set('2026-04-10T09:10:00+08:00');
  await expectReply(h, 'zhangsan', `签到 ${inspection}`, '签到成功');
  h.clock.set('2026-04-20T09:10:00+08:00');
  await expectReply(h, 'zhangsan', `签到 ${training}`, '签到成功');

  h.clock.set('2026-05-01T10:00:00+08:00');
  const meeting = codeIn(
    await expectReply(
      h,
      'office1',
      '会议通知 第三次主席团会议 时间：2026-05-06 14:30 地点：镇政府会议室 类型：主席团会议',
      'HY2026',
    ),
    'HY',
  );
  await expectReply(h, 'zhangsan', `参加 ${meeting}`, '回执');
  await expectReply(h, 'lisi', `请假 ${meeting} 外出学习`, '请假');
  h.clock.set('2026-05-06T14:20:00+08:00');
  await expectReply(h, 'zhangsan', `签到 ${meeting}`, '签到成功');

  h.clock.set('2026-06-01T10:00:00+08:00');
  await expectReply(h, 'office1', '排班 6月6日 张三 地点：东村联络站', '东村联络站');
  h.clock.set('2026-06-06T09:05:00+08:00');
  await expectReply(h, 'zhangsan', '签到 值班', '签到成功');

  h.clock.set('2026-07-01T10:00:00+08:00');
  await expectReply(h, 'office1', '学习资料 代表法第二讲 https://example.com/daibiaofa', 'XX2026-001');
  await h.services.study.pushNext(h.clock.now(), 'perf-test-slot');
  await expectReply(h, 'zhangsan', '已学 XX2026-001', 'XX2026-001');

  h.clock.set('2026-11-22T10:00:00+08:00');
  return { meeting, inspection, training };
}
