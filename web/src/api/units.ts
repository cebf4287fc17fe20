import type {
  OpinionDetail,
  StepBodies,
  UnitCasesPage,
  UnitContactBody,
  UnitContactRemoveBody,
  UnitContactsList,
  UnitWithContacts,
} from '@contracts';
import { http, seg } from './request';

// 承办单位: the office's upkeep of each unit's contacts, and a unit contact's own cases.
export const unitContactsApi = {
  list: async () => (await http.get<UnitContactsList>('/unit-contacts')).units,
  add: (body: UnitContactBody) => http.post<UnitWithContacts>('/unit-contacts', body),
  remove: (body: UnitContactRemoveBody) => http.post<UnitWithContacts>('/unit-contacts/remove', body),
};

export const unitCasesApi = {
  list: () => http.get<UnitCasesPage>('/unit/opinions'),
  detail: (code: string) => http.get<OpinionDetail>(`/unit/opinions/${seg(code)}`),
  answer: (code: string, body: StepBodies['answer'], version: number) =>
    http.post<OpinionDetail>(`/unit/opinions/${seg(code)}/answer`, { ...body, version }),
};
