import type { ShiftAssignBody, ShiftAssigned, ShiftRemoved, ShiftWeek } from '@contracts';
import { http, seg } from './request';

// 值班: a week of shifts, 排班, taking a deputy off.
export const shiftsApi = {
  week: (week: string, station: string) => http.get<ShiftWeek>('/shifts', { week, station }),
  assign: (body: ShiftAssignBody) => http.post<ShiftAssigned>('/shifts', body),
  remove: (id: string, userid: string) => http.post<ShiftRemoved>(`/shifts/${seg(id)}/remove`, { userid }),
};
