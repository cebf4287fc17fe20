import type { UnitRecords } from '@contracts';
import { http } from './request';

// 单位办理: each handling unit's record of a year.
export const unitRecordsApi = {
  get: (year: number) => http.get<UnitRecords>('/unit-records', { year }),
};
