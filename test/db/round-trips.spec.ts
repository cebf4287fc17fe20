import type { CommandStartedEvent } from 'mongodb';
import { commands } from '../../handlers';
import { createCommandTable, parseCommandLine } from '../../src/commands/parse';
import { type Harness, createHarness } from '../helpers/harness';

// Database commands per chat command, counted with the driver's command monitoring on the app's own
// connection, through the real HTTP path. A regression (an extra read, a re-read of what an update
// returned, a roster lookup per call) fails here.

const MEDIAN_MAX = 5;
const ANY_MAX = 8;

let h: Harness;
const started: CommandStartedEvent[] = [];
// Handshakes and health checks are not the command's work.
const IGNORED = new Set(['hello', 'ismaster', 'isMaster', 'ping', 'endSessions', 'saslStart', 'saslContinue']);

beforeAll(async () => {
  h = await createHarness('round_trips', { now: '2026-11-02T09:00:00+08:00' });
  await h.addDeputy('zhang', '张三');
  await h.addDeputy('li', '李四');
  await h.addDeputy('wang', '王五');
  await h.addDeputy('clerk', '赵干事', { isOffice: true });
  h.db.connection.getClient().on('commandStarted', (e: CommandStartedEvent) => {
    if (!IGNORED.has(e.commandName)) started.push(e);
  });
});
afterAll(async () => h.close());

/** Sends one message and returns the reply and the database commands it cost. */
async function measure(userid: string, text: string): Promise<{ reply: string; count: number; names: string[] }> {
  started.length = 0;
  const reply = await h.say(userid, text);
  const names = started.map((e) => `${e.commandName}:${String((e.command as Record<string, unknown>)[e.commandName])}`);
  return { reply, count: started.length, names };
}

// A representative day: deputies' and office commands, in an order where each one does real work.
const SCRIPT: Array<[user: string, text: string, expected: string | RegExp]> = [
  ['zhang', '帮助', '帮助'],
  ['zhang', '建议 村口路灯坏了三个月，晚上出行很不方便，请尽快维修', 'YJ2026-001'],
  ['li', '民意 村里小学门口缺少减速带，车辆速度很快，家长很担心', 'YJ2026-002'],
  ['li', '附议 1', '附议'],
  ['zhang', '我的建议', 'YJ2026-001'],
  ['zhang', '进度 1', 'YJ2026-001'],
  ['clerk', '单位 添加 交通运输局 jt01 钱工', '钱工'],
  ['clerk', '交办 1 单位：交通运输局', '已交办'],
  ['clerk', '交办 2 单位：交通运输局 期限：2026-11-03', '已交办'],
  ['clerk', '答复 1 A 已安排更换路灯', '答复'],
  ['jt01', '待办', 'YJ2026-002'],
  ['zhang', '评价 1 满意', '满意'],
  ['clerk', '办结 1', '办结'],
  ['clerk', '发布活动 视察敬老院 时间：11月5日 9:00 地点：镇敬老院 名额：2 类型：视察', 'HD2026-001'],
  ['zhang', '活动', 'HD2026-001'],
  ['zhang', '报名 HD2026-001', '报名'],
  ['li', '报名 HD2026-001', '报名'],
  ['wang', '报名 HD2026-001', '候补'],
  ['li', '取消报名 HD2026-001', '取消'],
  ['clerk', '会议通知 主席团会议 时间：11月6日 14:00 地点：三楼会议室', 'HY2026-001'],
  ['zhang', '会议', 'HY2026-001'],
  ['zhang', '回执 HY2026-001 参加', '参加'],
  ['li', '请假 HY2026-001 外出学习', '请假'],
  ['clerk', '会议 HY2026-001', 'HY2026-001'],
  ['clerk', '学习资料 宪法学习 https://example.org/x', 'XX2026-001'],
  ['zhang', '学习', '学习'],
  ['clerk', '排班 11月10日 张三 李四 地点：第一联络站', '第一联络站'],
  ['zhang', '值班', '第一联络站'],
  ['clerk', '督办', /督办|逾期|到期/],
  ['clerk', '统计', '统计'],
  ['clerk', '周报', '周报'],
  ['zhang', '履职', '履职'],
  ['zhang', '述职', '述职'],
  ['clerk', '代表 列表', '张三'],
  ['clerk', '公告 下周一上午开会，请准时参加', 'GG2026-001'],
  ['clerk', '公告列表', 'GG2026-001'],
  ['zhang', '票决', '票决'],
  ['clerk', '票决结果 PJ2026-001', '没有找到票决 PJ2026-001'],
  ['zhang', '实事', '民生实事'],
];

it(`costs at most ${MEDIAN_MAX} database commands per chat command at the median, and never more than ${ANY_MAX}`, async () => {
  const rows: Array<{ text: string; count: number; names: string[] }> = [];
  for (const [user, text, expected] of SCRIPT) {
    const r = await measure(user, text);
    expect(r.reply).toMatch(expected);
    rows.push({ text, count: r.count, names: r.names });
  }
  const counts = rows.map((r) => r.count).sort((a, b) => a - b);
  const median = counts[Math.floor(counts.length / 2)]!;
  const worst = rows.filter((r) => r.count > ANY_MAX);
  // Shown on failure: which command, how many, and what they were.
  const table = rows
    .map((r) => `${String(r.count).padStart(2)}  ${r.text.slice(0, 16)}  ${r.names.join(' ')}`)
    .join('\n');
  expect({ medianWithinBudget: median <= MEDIAN_MAX, median, worst: worst.map((r) => r.text), table }).toEqual({
    medianWithinBudget: true,
    median,
    worst: [],
    table,
  });
});

// Database commands that change something (the driver's names; aggregate with $out/$merge is not used).
const WRITES = new Set(['insert', 'update', 'delete', 'findAndModify']);

it('commands marked readOnly write nothing, not even the inbox, and each is in the script above', async () => {
  const table = createCommandTable(commands);
  const readOnly = new Set(commands.filter((c) => c.readOnly).map((c) => c.name));
  const covered = new Set<string>();
  const writing: string[] = [];
  for (const [user, text, expected] of SCRIPT) {
    const parsed = parseCommandLine(text, table, undefined);
    if (parsed.kind !== 'command' || !parsed.command.readOnly) continue;
    covered.add(parsed.command.name);
    const r = await measure(user, text);
    expect(r.reply).toMatch(expected);
    const writes = r.names.filter((n) => WRITES.has(n.split(':')[0]!));
    if (writes.length) writing.push(`${text}: ${writes.join(' ')}`);
  }
  expect({ writing, uncovered: [...readOnly].filter((n) => !covered.has(n)) }).toEqual({ writing: [], uncovered: [] });
});
