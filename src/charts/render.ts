import type { EChartsOption } from 'echarts';

/**
 * The CJK font the project controls (Debian's fonts-noto-cjk, installed in CI and in the image), so
 * Chinese labels never render as boxes; system fonts are loaded so resvg finds it by family name.
 */
export const CHART_FONT = 'Noto Sans CJK SC';

/**
 * Draws an ECharts option on the server: ECharts' SSR to SVG, then resvg to PNG. Both are loaded on the first
 * picture (ECharts alone takes a quarter of a second to load, paid by every start and every test file otherwise).
 */
export async function renderChartPng(option: EChartsOption, size: { width: number; height: number }): Promise<Buffer> {
  const [echarts, { Resvg }] = await Promise.all([import('echarts'), import('@resvg/resvg-js')]);
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
