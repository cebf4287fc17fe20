import type { HolidayDaysBody, HolidayYear } from '@contracts';
import { http } from './request';

// 节假日: one year's holidays and make-up working days.
export const holidaysApi = {
  get: (year: number) => http.get<HolidayYear>(`/holidays/${year}`),
  save: (year: number, body: HolidayDaysBody) => http.put<HolidayYear>(`/holidays/${year}`, body),
};
