import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaults } from '../../config/defaults';
import { colourOf, yellowUntil } from '../../src/services/opinions';
import { bundledCalendar } from '../../src/time/holiday-calendar';
import { workdaysBetween } from '../../src/time/workdays';
import { signIn } from '../helpers/console';
import { type Harness, createHarness } from '../helpers/harness';

// 三色预警 on the 2026 National Day holiday: 10-01…10-07 off, Saturday 10-10 a make-up working day.
const bj = (s: string) => new Date(`${s}+08:00`);
const tz = 'Asia/Shanghai';
const rule = { tz, calendar: bundledCalendar, warnWorkdays: 3 };
const assigned = (deadline: string) => ({ status: '已交办', deadline: bj(`${deadline}T23:59:59.999`) });

describe('the colour of a case (pure, on the bundled calendar)', () => {
  it('counts working days over the holiday: a case due Friday 10-09 is yellow on 09-30, not green', () => {
    // 10-08 and 10-09 are the only working days between; a weekday count would say 7.
    expect(workdaysBetween(bj('2026-09-30T10:00:00'), bj('2026-10-09T10:00:00'), tz, bundledCalendar)).toBe(2);
    expect(colourOf(assigned('2026-10-09'), bj('2026-09-28T10:00:00'), rule)).toBe('green');
    expect(colourOf(assigned('2026-10-09'), bj('2026-09-29T10:00:00'), rule)).toBe('yellow');
    expect(colourOf(assigned('2026-10-09'), bj('2026-09-30T10:00:00'), rule)).toBe('yellow');
    // Red from the first moment after the deadline's day, holiday or not.
    expect(colourOf(assigned('2026-10-09'), bj('2026-10-10T00:00:00'), rule)).toBe('red');
  });

  it('counts the make-up Saturday: a case due Wednesday 10-14 is still green on Friday 10-09', () => {
    // 10-10 (调休), 10-12, 10-13, 10-14: four working days; a weekday count would make it yellow.
    expect(colourOf(assigned('2026-10-14'), bj('2026-10-09T18:00:00'), rule)).toBe('green');
    expect(colourOf(assigned('2026-10-14'), bj('2026-10-10T09:00:00'), rule)).toBe('yellow');
    // The last yellow moment is the end of the day before the fourth working day (10-13 from 10-08).
    expect(yellowUntil(bj('2026-10-08T09:00:00'), rule)).toEqual(bj('2026-10-12T23:59:59.999'));
  });

  it('gives a colour only to a case waiting for its unit', () => {
    expect(colourOf({ status: '已答复', deadline: bj('2026-10-01T00:00:00') }, bj('2026-10-09T10:00:00'), rule)).toBe(
      null,
    );
    expect(colourOf({ status: '待交办' }, bj('2026-10-09T10:00:00'), rule)).toBe(null);
    expect(colourOf(assigned('2026-10-09'), bj('2026-10-09T23:00:00'), { ...rule, warnWorkdays: 1 })).toBe('yellow');
  });
});

describe('the settings', () => {
  const root = join(__dirname, '..', '..');
  const read = (f: string) => readFileSync(join(root, f), 'utf8');
  it('WARN_WORKDAYS and ESCALATE_WORKDAYS agree in config, .env.example, docker-compose and the README', () => {
    for (const [name, value] of [
      ['WARN_WORKDAYS', defaults.warnWorkdays],
      ['ESCALATE_WORKDAYS', defaults.escalateWorkdays],
    ] as const) {
      expect(read('.env.example')).toMatch(new RegExp(`^${name}=$`, 'm'));
      expect(read('docker-compose.yml')).toContain(`${name}: \${${name}:-}`);
      expect(read('README.md')).toMatch(new RegExp(`\\| \`${name}\` \\|[^\\n]*\\| \`${value}\` \\|`));
    }
    expect([defaults.warnWorkdays, defaults.escalateWorkdays]).toEqual([3, 5]);
  });
});

describe('the colours job, 督办 and 进度 through the real paths', () => {
  let h: Harness;
  const at = (s: string) => h.clock.set(bj(s));
  /** Runs the scheduler at that moment (the colours job fires at 09:00) and delivers what it queued. */
  async function tickAt(s: string) {
    at(s);
    await h.scheduler.tick(h.clock.now());
    await h.drain();
  }
  let seen = 0;
  /** Group pushes since the last call (personal notices @-mention their people in the group here). */
  function pushes(): string[] {
    const all = h.groupTexts();
    const fresh = all.slice(seen);
    seen = all.length;
    return fresh;
  }

  beforeAll(async () => {
    h = await createHarness('units_colours', {
      now: '2026-09-28T10:00:00+08:00',
      installedAt: '2026-09-01T08:00:00+08:00',
    });
    await h.addDeputy('zhangsan', '张三');
    await h.addDeputy('clerk', '赵干事', { isOffice: true });
    for (const text of ['村口路灯坏了', '河边垃圾堆积', '老街消防通道被占用'])
      await h.say('zhangsan', `建议 ${text}，请尽快处理`);
    await h.say('clerk', '交办 1 单位：住建办 期限：2026-10-09');
    await h.say('clerk', '交办 2 单位：住建办 期限：2026-10-14');
    // 派出所 has no contact on record: nobody to tell, the office's lists still show it.
    await h.say('clerk', '交办 3 单位：派出所 期限：2026-09-30');
    // The unit's contact (a fixture: the contacts' own commands are tested elsewhere).
    await h.models.HandlingUnit.updateOne(
      { name: '住建办' },
      { $push: { contacts: { userid: 'zjb1', name: '住建办李工', addedAt: h.clock.now() } } },
    );
    await h.drain();
    pushes();
  }, 60_000);
  afterAll(async () => h?.close());

  const toContact = (texts: string[]) => texts.filter((t) => t.startsWith('<@zjb1>'));
  const toOffice = (texts: string[]) => texts.filter((t) => t.startsWith('<@clerk>') || t.startsWith('<@office1>'));

  it('tells the unit’s contact once when a case turns yellow, whatever runs again', async () => {
    await tickAt('2026-09-28T09:00:00');
    // 09-28: case 1 has four working days left (green), case 3 two (yellow, but 派出所 has no contact).
    expect(toContact(pushes())).toEqual([]);
    expect((await h.models.Opinion.findOne({ code: 'YJ2026-003' }).lean())!.colourNotice).toMatchObject({
      colour: 'yellow',
    });
    await tickAt('2026-09-29T09:00:00');
    const yellow = toContact(pushes());
    expect(yellow).toHaveLength(1);
    expect(yellow[0]).toContain('【黄牌】住建办承办的 **YJ2026-001**「村口路灯坏了，请尽快处理」还剩 3 个工作日到期');
    expect(yellow[0]).toContain('答复 YJ2026-001 A 答复内容');
    // The same slot again, the next run, and a direct re-run: nothing new.
    await tickAt('2026-09-29T09:05:00');
    expect(await h.services.opinions.remindColours(bj('2026-09-29T15:00:00'))).toEqual({
      yellow: 0,
      red: 0,
      escalated: 0,
      noContact: 0,
    });
    await tickAt('2026-09-30T09:00:00');
    expect(pushes()).toEqual([]);
    // A run that crashed after queuing the reminder but before recording it: the push's key keeps it single.
    await h.models.Opinion.updateOne({ code: 'YJ2026-001' }, { $unset: { colourNotice: 1 } });
    expect((await h.services.opinions.remindColours(bj('2026-09-30T15:00:00'))).yellow).toBe(1);
    await h.drain();
    expect(pushes()).toEqual([]);
  });

  it('runs on working days only; turns red and tells again; the 调休 Saturday counts', async () => {
    await tickAt('2026-10-01T09:00:00');
    expect(await h.models.JobRun.findOne({ slot: 'colours:2026-10-01T09:00' }).lean()).toMatchObject({
      note: 'not_workday',
    });
    // Friday 10-09: case 2 (due 10-14) is still green, Saturday 10-10 being a working day.
    await tickAt('2026-10-09T09:00:00');
    expect(toContact(pushes())).toEqual([]);
    await tickAt('2026-10-10T09:00:00');
    const saturday = toContact(pushes());
    expect(saturday).toHaveLength(2);
    expect(saturday.find((t) => t.includes('YJ2026-001'))).toContain(
      '【红牌】住建办承办的 **YJ2026-001**「村口路灯坏了，请尽快处理」已超过办理期限（2026年10月9日（周五）），已逾期 1 个工作日',
    );
    expect(saturday.find((t) => t.includes('YJ2026-002'))).toContain('【黄牌】');
    await tickAt('2026-10-12T09:00:00');
    expect(toContact(pushes())).toEqual([]);
  });

  it('lists red and yellow in 督办 and the office’s daily push, with working days overdue', async () => {
    at('2026-10-12T10:00:00');
    const report = await h.say('clerk', '督办');
    expect(report).toContain('红牌（逾期）2 件，黄牌（3 个工作日内到期）1 件');
    // Case 3 (due 09-30) is red for 10-08, 10-09, 10-10 and 10-12: four working days, not twelve days.
    expect(report).toContain(
      '【红牌】YJ2026-003 老街消防通道被占用，请尽快处理（<font color="warning">逾期 4 个工作日</font>',
    );
    expect(report).toContain('【黄牌】YJ2026-002 河边垃圾堆积，请尽快处理（还剩 2 个工作日');
    const progress = await h.say('zhangsan', '进度 YJ2026-003');
    expect(progress).toContain('承办单位：派出所 · 期限：2026年9月30日（周三） · 【红牌】**逾期 4 个工作日**');
    expect(await h.say('zhangsan', '进度 YJ2026-002')).toContain('【黄牌】还剩 2 个工作日');
  });

  it('asks the office to 督办 once after ESCALATE_WORKDAYS red working days; 催办 reaches the unit', async () => {
    await tickAt('2026-10-12T09:00:00');
    expect(toOffice(pushes()).filter((t) => t.includes('提请督办'))).toEqual([]);
    await tickAt('2026-10-13T09:00:00');
    const asked = pushes().filter((t) => t.includes('提请督办'));
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain(
      '**提请督办**：YJ2026-003「老街消防通道被占用，请尽快处理」（派出所）已逾期 5 个工作日（期限 2026年9月30日（周三）），仍未答复。',
    );
    expect(asked[0]).toContain('督办请发送：催办 YJ2026-003');
    await tickAt('2026-10-14T09:00:00');
    expect(pushes().filter((t) => t.includes('提请督办'))).toEqual([]);
    // The office chases case 1 from the chat: the unit's contact and the filer hear, the history records it.
    expect(await h.say('clerk', '催办 1')).toContain('已向「住建办」督办 YJ2026-001');
    await h.drain();
    const chased = pushes();
    expect(toContact(chased)).toEqual([expect.stringContaining('**督办**：人大办请住建办尽快答复 **YJ2026-001**')]);
    expect(chased.some((t) => t.startsWith('<@zhangsan>') && t.includes('已由人大办向「住建办」督办'))).toBe(true);
    expect((await h.models.Opinion.findOne({ code: 'YJ2026-001' }).lean())!.timeline.at(-1)).toMatchObject({
      action: 'reminded',
    });
    expect(await h.say('zhangsan', '催办 1')).toContain('人大办');
  });

  it('starts afresh after 改派 to a new deadline, and stops once answered', async () => {
    at('2026-10-14T10:00:00');
    await h.say('clerk', '改派 1 期限：2026-10-30');
    expect(await h.services.opinions.remindColours(bj('2026-10-14T10:05:00'))).toMatchObject({ yellow: 0, red: 0 });
    // 10-27: 10-28, 10-29, 10-30 left: yellow again for the new deadline, told once more.
    await tickAt('2026-10-27T09:00:00');
    expect(toContact(pushes()).filter((t) => t.includes('【黄牌】住建办承办的 **YJ2026-001**'))).toHaveLength(1);
    at('2026-10-27T10:00:00');
    expect(await h.say('clerk', '答复 2 A 已清运完毕')).toContain('已记录');
    await tickAt('2026-10-28T09:00:00');
    expect(toContact(pushes()).filter((t) => t.includes('YJ2026-002'))).toEqual([]);
  });

  it('shows the colour in the console’s list (with a filter) and on the case page', async () => {
    at('2026-10-28T10:00:00');
    const office = await signIn(h, 'clerk');
    const list = await office.get('/api/console/opinions?year=2026&sort=code&order=asc');
    expect(list.body.items.map((r: { code: string; colour: string | null }) => [r.code, r.colour])).toEqual([
      ['YJ2026-001', 'yellow'],
      ['YJ2026-002', null],
      ['YJ2026-003', 'red'],
    ]);
    const red = await office.get('/api/console/opinions?year=2026&colour=red');
    expect(red.body.items.map((r: { code: string }) => r.code)).toEqual(['YJ2026-003']);
    const overdue = await office.get('/api/console/opinions?year=2026&due=overdue');
    expect(overdue.body.items.map((r: { code: string }) => r.code)).toEqual(['YJ2026-003']);
    expect((await office.get('/api/console/opinions?year=2026&colour=green')).body.total).toBe(0);
    expect((await office.get('/api/console/opinions?colour=blue')).status).toBe(400);
    const page = await office.get('/api/console/opinions/YJ2026-001');
    expect(page.body.colour).toEqual({ colour: 'yellow', workdays: 2 });
  });
});
