import { http } from './request';

// 导出: the office's spreadsheets, by year.
export const LEDGERS = [
  { path: '/exports/opinions.xlsx', name: '意见建议台账' },
  { path: '/exports/performance.xlsx', name: '代表履职登记册' },
  { path: '/exports/events.xlsx', name: '活动与会议台账' },
] as const;

export const exportsApi = {
  url: (path: (typeof LEDGERS)[number]['path'], year: number) => http.url(path, { year }),
  /** The year's pack (.zip): the ledgers, the units' report, every deputy's 述职 draft and an index. */
  packUrl: (year: number) => http.url('/exports/pack.zip', { year }),
};
