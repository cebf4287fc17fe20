import type { DeputyBody, DeputySaved, ImportPlan, RosterFilter, RosterList } from '@contracts';
import { http, seg } from './request';

// 代表名册: the list, one deputy's form, office rights, deactivation, and the spreadsheet import.
export const rosterApi = {
  list: (q: string, active: RosterFilter) => http.get<RosterList>('/roster', { q, active }),
  save: (body: DeputyBody) => http.post<DeputySaved>('/roster', body),
  setOffice: (userid: string, office: boolean) => http.post(`/roster/${seg(userid)}/office`, { office }),
  deactivate: (userid: string) => http.post(`/roster/${seg(userid)}/deactivate`),
  /** Preview or apply a file; a refused apply's error carries the plan (errorDetail(err, 'plan')). */
  importFile: (step: 'preview' | 'apply', file: File, deactivateMissing: boolean) =>
    http.upload<ImportPlan>(`/roster/import/${step}`, file, {
      file: file.name,
      deactivateMissing: deactivateMissing ? '1' : '0',
    }),
  templateUrl: () => http.url('/roster/template.csv'),
};
