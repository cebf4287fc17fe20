import { Resvg } from '@resvg/resvg-js';
import { CHART_FONT, digestChartHasData, digestChartOption } from '../../src/charts';
import { countInkPixels, decodePng } from '../helpers/png';

const labels = {
  weekTitle: 'W',
  filed: 'F',
  answered: 'A',
  ratesTitle: 'R',
  answerRate: 'a',
  closeRate: 'c',
  satisfactionRate: 's',
};
const week = (v: number | null) => ({ label: '11/16', answerRate: v, closeRate: v, satisfactionRate: v });

it('the CJK font the charts name is installed: Chinese text puts ink on the picture', () => {
  // Without the font resvg draws nothing for these glyphs (no fallback), so a blank render means "missing".
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><text x="10" y="45" font-size="36" font-family="${CHART_FONT}">答复率</text></svg>`;
  const png = decodePng(
    Buffer.from(
      new Resvg(svg, { background: '#ffffff', font: { loadSystemFonts: true, defaultFontFamily: CHART_FONT } })
        .render()
        .asPng(),
    ),
  );
  expect(countInkPixels(png)).toBeGreaterThan(300);
});

it('the digest chart has data only when something was filed or answered, or a rate exists', () => {
  expect(digestChartHasData({ categories: [], weeks: [week(null), week(null)] })).toBe(false);
  expect(digestChartHasData({ categories: [{ name: '公共交通', filed: 0, answered: 0 }], weeks: [] })).toBe(false);
  expect(digestChartHasData({ categories: [{ name: '公共交通', filed: 1, answered: 0 }], weeks: [] })).toBe(true);
  expect(digestChartHasData({ categories: [], weeks: [week(null), week(50)] })).toBe(true);
});

it('the option puts categories on the bar axis and weeks on the rate axis, gaps as "-"', () => {
  const option = digestChartOption(
    { categories: [{ name: '公共交通', filed: 2, answered: 1 }], weeks: [week(null), week(12.5)] },
    labels,
  );
  const series = option.series as Array<{ name: string; data: unknown[] }>;
  expect(series.map((s) => s.name)).toEqual(['F', 'A', 'a', 'c', 's']);
  expect(series[0]!.data).toEqual([2]);
  expect(series[2]!.data).toEqual(['-', 12.5]);
});
