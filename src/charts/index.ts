// Chart definitions shared by the server's pictures (and meant for the console's charts; the web app
// still keeps its own option builders in web/src for now), and the server-side renderer.
export {
  type DigestChartData,
  type DigestChartLabels,
  DIGEST_CHART_SIZE,
  digestChartHasData,
  digestChartOption,
} from './digest-chart';
export { CHART_FONT, renderChartPng } from './render';
