import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';

/**
 * The CJK font the project controls (Debian's fonts-noto-cjk, installed in CI and in the image), so
 * Chinese labels never render as boxes; system fonts are loaded so resvg finds it by family name.
 */
export const CHART_FONT = 'Noto Sans CJK SC';

/** Draws an ECharts option on the server: ECharts' SSR to SVG, then resvg to PNG. */
export function renderChartPng(option: EChartsOption, size: { width: number; height: number }): Buffer {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  let svg: string;
  try {
    chart.setOption({ ...option, textStyle: { fontFamily: CHART_FONT, ...(option.textStyle as object | undefined) } });
    svg = chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
  const png = new Resvg(svg, { background: '#ffffff', font: { loadSystemFonts: true, defaultFontFamily: CHART_FONT } })
    .render()
    .asPng();
  return Buffer.from(png);
}
