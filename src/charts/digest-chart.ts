import type { EChartsOption } from 'echarts';

/** The week at a glance: what the Monday digest's picture shows (the opinions service computes it). */
export interface DigestChartData {
  /** Opinions filed and answered in the digest's week, by category (categories with neither are left out). */
  categories: Array<{ name: string; filed: number; answered: number }>;
  /** The three rates (percent, one decimal; null when nothing to divide by) of the opinions filed in each week, oldest first. */
  weeks: Array<{ label: string; answerRate: number | null; closeRate: number | null; satisfactionRate: number | null }>;
}

/** The picture's words; the caller takes them from src/messages so this module holds no Chinese. */
export interface DigestChartLabels {
  weekTitle: string;
  filed: string;
  answered: string;
  ratesTitle: string;
  answerRate: string;
  closeRate: string;
  satisfactionRate: string;
}

export const DIGEST_CHART_SIZE = { width: 900, height: 1000 } as const;

/** True when the picture would show something: a filed or answered opinion this week, or any rate. */
export function digestChartHasData(d: DigestChartData): boolean {
  return (
    d.categories.some((c) => c.filed + c.answered > 0) ||
    d.weeks.some((w) => w.answerRate !== null || w.closeRate !== null || w.satisfactionRate !== null)
  );
}

// Bars: filed, answered. Lines: the three rates, each its own colour so no line reads as a bar series.
const COLORS = ['#3b6fd6', '#2e9e6b'];
const RATE_KEYS = ['answerRate', 'closeRate', 'satisfactionRate'] as const;
const RATE_COLORS = ['#e08a1e', '#8a5cd1', '#d6453b'] as const;

/**
 * The ECharts option of the digest picture: bars of this week by category above, the rates over the
 * last weeks below. Plain data in, plain option out, so the server and the console can draw the same chart.
 */
export function digestChartOption(d: DigestChartData, l: DigestChartLabels): EChartsOption {
  const names = d.categories.map((c) => c.name);
  const pct = (v: number | null) => (v === null ? '-' : v);
  return {
    animation: false,
    backgroundColor: '#ffffff',
    color: COLORS,
    textStyle: { fontSize: 16 },
    title: [
      { text: l.weekTitle, left: 'center', top: 16, textStyle: { fontSize: 24 } },
      { text: l.ratesTitle, left: 'center', top: 520, textStyle: { fontSize: 24 } },
    ],
    legend: [
      { data: [l.filed, l.answered], top: 60, textStyle: { fontSize: 16 } },
      { data: RATE_KEYS.map((k) => l[k]), top: 564, textStyle: { fontSize: 16 } },
    ],
    grid: [
      { left: 70, right: 40, top: 110, height: 330 },
      { left: 70, right: 40, top: 610, height: 320 },
    ],
    xAxis: [
      { type: 'category', gridIndex: 0, data: names, axisLabel: { fontSize: 16, interval: 0 } },
      { type: 'category', gridIndex: 1, data: d.weeks.map((w) => w.label), axisLabel: { fontSize: 14, interval: 0 } },
    ],
    yAxis: [
      { type: 'value', gridIndex: 0, minInterval: 1, axisLabel: { fontSize: 14 } },
      { type: 'value', gridIndex: 1, min: 0, max: 100, axisLabel: { fontSize: 14, formatter: '{value}%' } },
    ],
    series: [
      ...(['filed', 'answered'] as const).map((key) => ({
        name: l[key],
        type: 'bar' as const,
        xAxisIndex: 0,
        yAxisIndex: 0,
        data: d.categories.map((c) => c[key]),
        label: { show: true, position: 'top' as const, fontSize: 16 },
      })),
      ...RATE_KEYS.map((key, i) => ({
        name: l[key],
        type: 'line' as const,
        xAxisIndex: 1,
        yAxisIndex: 1,
        connectNulls: true,
        symbolSize: 8,
        color: RATE_COLORS[i],
        lineStyle: { width: 3 },
        data: d.weeks.map((w) => pct(w[key])),
      })),
    ],
  };
}
