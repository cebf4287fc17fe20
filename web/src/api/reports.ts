import type { ScoreTable } from '@contracts';
import { http, seg } from './request';

// 述职 and 履职积分: one deputy's Word draft of a year, and the office's score table.
export const reportsApi = {
  /** The 述职 draft (.docx): the deputy's own, or anyone's for the office. */
  draftUrl: (userid: string, year: number) => http.url(`/reports/${seg(userid)}/${year}.docx`),
  scores: (year: number) => http.get<ScoreTable>('/performance/scores', { year }),
};
