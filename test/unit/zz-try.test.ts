import { parseWhen } from '../../src/time/parse-time';
const now = new Date('2026-11-22T10:00:00+08:00');
test('x', () => {
  for (const t of ['2026年12月', '十二月', '下个月', '明年', '周末', '中午', '晚上', '早上8点', '12点', '今天下午三点钟', '下周', '二零二六年十二月一日', '12月1日晚8点', '明天下午3:00-5:00', '本周五前', '下周一上午', '1天前', '昨天', '12/1', '2026-12-1', '明早9点', '8点半', '十二点半', '月底', '11.30'])  {
    const r = parseWhen(t, { now, tz: 'Asia/Shanghai' });
    console.log(t, r.ok ? `${new Date(r.date.getTime() + 8 * 3600e3).toISOString()} ${r.hasTime} [${r.matched}]` : r.reason);
  }
});
