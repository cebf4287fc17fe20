import { http } from './request';

// 导出: the office's spreadsheets, by year.
export const LEDGERS = [
  { path: '/exports/opinions.xlsx', name: '意见建议台账' },
  { path: '/exports/performance.xlsx', name: '代表履职登记册' },
  { path: '/exports/events.xlsx', name: '活动与会议台账' },
] as const;

export const exportsApi = {
  url: (path: (typeof LEDGERS)[number]['path'], year: number) => http.url(path, { year }),
};
