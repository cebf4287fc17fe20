import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLogger } from '../../src/logger';
import { createHolidays, loadHolidayFiles } from '../../src/services/calendar';
import { type Harness, createHarness } from '../helpers/harness';

// chinese-days carries the State Council calendar up to 2026: 2027 is unknown until the office enters it.
const SET_2027 = '节假日 设置 2027 休：1月1日-1月3日，2月15日-2月23日 班：2月14日，2月28日';

describe('节假日: the office enters next year, every working-day deadline uses it at once', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness('holidays', { now: '2026-12-28T10:00:00+08:00' });
    await h.addDeputy('zhangsan', '张三');
    await h.addDeputy('clerk', '赵干事', { isOffice: true });
  });
  afterAll(async () => h.close());

  it('is for the office only', async () => {
    expect(await h.say('zhangsan', '节假日 2027')).not.toContain('2027年法定节假日');
  });

  it('shows a bundled year with its source and an unknown year with how to enter it', async () => {
    const known = await h.say('clerk', '节假日 2026');
    expect(known).toContain('**2026年法定节假日与调休安排**');
    expect(known).toContain('1月1日-1月3日');
    expect(known).toContain('2月14日（周六）');
    expect(known).toContain('内置的国务院办公厅通知数据');
    const unknown = await h.say('clerk', '节假日 2027');
    expect(unknown).toContain('2027年的放假和调休安排还没有录入');
    expect(unknown).toContain('节假日 设置 2027 休：');
  });

  it('from 1 November, 任务 and the 周报 preview say next year is missing', async () => {
    expect(await h.say('clerk', '任务')).toContain('2027年的法定节假日安排还没有录入');
    expect(await h.say('clerk', '周报')).toContain('2027年的法定节假日安排还没有录入');
  });

  it('a deadline counted into the unknown year says 按周末估算 wherever it is shown', async () => {
    expect(await h.say('zhangsan', '建议 村口路灯坏了三个月，晚上出行不安全，请尽快维修')).toContain('YJ2026-001');
    // Monday 2026-12-28 + 5 working days on weekends only: Dec 29, 30, 31, Jan 1 (Fri), Jan 4.
    const assigned = await h.say('clerk', '交办 YJ2026-001 单位：交通运输局 期限：5个工作日');
    expect(assigned).toContain('2027年1月4日（周一）（按周末估算）');
    expect(assigned).toContain('节假日 设置 2027');
    const progress = await h.say('zhangsan', '进度 YJ2026-001');
    // Both the current handling line and the timeline's 交办 line carry the mark.
    expect(progress.split('2027年1月4日（周一）（按周末估算）').length - 1).toBe(2);
    await h.drain();
    expect(h.groupTexts().some((x) => x.includes('2027年1月4日（周一）（按周末估算）'))).toBe(true);
  });

  it('refuses a wrong entry with the reason and stores nothing', async () => {
    expect(await h.say('clerk', '节假日 设置 2027 休：1月1日-1月3日 班：1月2日')).toContain(
      '既写在「休」里又写在「班」里：2027-01-02',
    );
    expect(await h.say('clerk', '节假日 设置 2027 休：2028年1月1日')).toContain('不在 2027 年内');
    expect(await h.say('clerk', '节假日 设置 2027 休：2月30日')).toContain('「2月30日」不是有效的日期');
    expect(await h.say('clerk', '节假日 设置 2027 休：2月23日-2月15日')).toContain('结束日期早于开始日期');
    expect(await h.say('clerk', '节假日 设置 2027 1月1日')).toContain('日期前要写「休：」');
    expect(await h.say('clerk', '节假日 设置 2072 休：1月1日')).toContain('2072 年不在范围内');
    expect(await h.say('clerk', '节假日 设置 2027')).toContain('请写出 2027 年的放假日期');
    expect(await h.say('clerk', '节假日 设置 今年 休：1月1日')).toContain('用法：');
    expect(await h.say('clerk', '节假日 明年')).toContain('用法：');
    expect(await h.say('clerk', '节假日 2027')).toContain('还没有录入');
  });

  it('an activity sign-up deadline counted into the unknown year is marked too, until the year is entered', async () => {
    // Monday 2026-12-28 + 5 working days on weekends only ends on Monday 2027-01-04, the end of the day.
    const created = await h.say('clerk', '发布活动 新年视察 时间：2027年1月20日 9:00 地点：镇政府 截止：5个工作日');
    expect(created).toMatch(/报名截止：2027年1月4日（周一）[^\n]*（按周末估算）/);
    expect(await h.say('zhangsan', '活动')).toContain('（按周末估算）');
    await h.drain();
    expect(h.groupTexts().some((x) => x.includes('新年视察') && x.includes('（按周末估算）'))).toBe(true);
  });

  it('stores the year, names the estimated deadlines, and the calculation uses it at once', async () => {
    const saved = await h.say('clerk', SET_2027);
    expect(saved).toContain('已保存 2027 年的放假和调休安排');
    expect(saved).toContain('放假（12 天）：1月1日-1月3日，2月15日-2月23日');
    expect(saved).toContain('调休上班（2 天）：2月14日（周日），2月28日（周日）');
    expect(saved).toContain('期限在 2027 年、当时按周末估算：YJ2026-001');

    const shown = await h.say('clerk', '节假日 2027');
    expect(shown).toContain('来源：赵干事 于 2026年12月28日（周一） 录入');
    // The mark goes: the year is known now (the date stays until the office adjusts it).
    const progress = await h.say('zhangsan', '进度 YJ2026-001');
    expect(progress).toContain('2027年1月4日（周一）');
    expect(progress).not.toContain('按周末估算');
    expect(await h.say('clerk', '任务')).not.toContain('还没有录入');
    // The activity keeps its date, and the mark goes with the unknown year.
    const activities = await h.say('zhangsan', '活动');
    expect(activities).toContain('新年视察');
    expect(activities).not.toContain('按周末估算');

    // 改派 with the same 5 working days now skips New Year: Dec 29, 30, 31, Jan 4, Jan 5.
    const again = await h.say('clerk', '改派 YJ2026-001 期限：5个工作日');
    expect(again).toContain('2027年1月5日（周二）');
    expect(again).not.toContain('按周末估算');
  });

  it('accepts the forgiving forms and replaces the whole year on a second entry', async () => {
    expect(await h.say('clerk', '节假日 设置2027年休：1月1日')).toContain('放假（1 天）：1月1日');
    const saved = await h.say('clerk', '节假日 设置 2027年 放假 1.1 — 3日、2/15到2/23 ； 调休上班：2月14日');
    expect(saved).toContain('放假（12 天）：1月1日-1月3日，2月15日-2月23日');
    expect(saved).toContain('调休上班（1 天）：2月14日（周日）');
    expect(await h.say('clerk', '节假日 2027')).toContain('调休上班（1 天）：2月14日（周日）\n');
  });

  it('a make-up working day on a weekday is kept but pointed out', async () => {
    const saved = await h.say('clerk', '节假日 设置 2027 休：1月1日 班：1月6日');
    expect(saved).toContain('1月6日（周三） 本来就是工作日');
  });
});

describe('several instances', () => {
  it("another instance's entry is used here once this instance's copy is older than refreshMs", async () => {
    const h = await createHarness('holidays_instances', { now: '2026-12-28T10:00:00+08:00' });
    try {
      await h.addDeputy('clerk', '赵干事', { isOffice: true });
      const other = createHolidays({
        models: h.models,
        clock: h.clock,
        log: createLogger({ level: 'silent' }),
        timezone: h.config.timezone,
        files: [],
        ...h.config.tunables.holidays,
      });
      await other.load();
      await h.say('clerk', SET_2027);
      expect(other.calendar().covers(2027)).toBe(false);
      h.clock.advance(h.config.tunables.holidays.refreshMs + 1);
      // The stale copy answers at once (never blocks a calculation) and re-reads in the background.
      expect(other.calendar().covers(2027)).toBe(false);
      await other.settled();
      expect(other.calendar().covers(2027)).toBe(true);
      expect(other.calendar().dayType('2027-01-01')).toBe('off');
    } finally {
      await h.close();
    }
  });
});

describe('config/holidays/<year>.json', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'holidays-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('is loaded at start, shown with its source, and used for deadlines', async () => {
    await writeFile(path.join(dir, '2027.json'), JSON.stringify({ off: ['2027-01-01', '1月2日-1月3日'], on: [] }));
    const h = await createHarness('holidays_file', { now: '2026-12-28T10:00:00+08:00', env: { HOLIDAYS_DIR: dir } });
    try {
      await h.addDeputy('zhangsan', '张三');
      await h.addDeputy('clerk', '赵干事', { isOffice: true });
      const shown = await h.say('clerk', '节假日 2027');
      expect(shown).toContain('放假（3 天）：1月1日-1月3日');
      expect(shown).toContain('服务器配置文件');
      expect(await h.say('clerk', '任务')).not.toContain('还没有录入');
      await h.say('zhangsan', '建议 村口路灯坏了三个月，晚上出行不安全，请尽快维修');
      const assigned = await h.say('clerk', '交办 YJ2026-001 单位：交通运输局 期限：5个工作日');
      expect(assigned).toContain('2027年1月5日（周二）');
      expect(assigned).not.toContain('按周末估算');
      // The office's entry wins over the file, and says so.
      await h.say('clerk', '节假日 设置 2027 休：1月1日');
      expect(await h.say('clerk', '节假日 2027')).toContain('优先于服务器 config/holidays 中的文件');
    } finally {
      await h.close();
    }
  });

  it('stops the start naming the file when it does not validate', async () => {
    // composeApp awaits this loader before anything else is built.
    await writeFile(path.join(dir, '2027.json'), JSON.stringify({ off: ['2027-01-01'], on: ['2027-01-01'] }));
    await expect(loadHolidayFiles(dir)).rejects.toThrow(/2027\.json: both off and on: 2027-01-01/);
    await writeFile(path.join(dir, '2027.json'), JSON.stringify({ off: ['2028-01-01'] }));
    await expect(loadHolidayFiles(dir)).rejects.toThrow(/2027\.json: "2028年1月1日" is not in 2027/);
    await writeFile(path.join(dir, '2027.json'), '{ off: [');
    await expect(loadHolidayFiles(dir)).rejects.toThrow(/2027\.json: not valid JSON/);
    await expect(loadHolidayFiles(path.join(dir, 'absent'))).resolves.toEqual([]);
  });
});
