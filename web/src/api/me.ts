import type { PerformancePage } from '@contracts';
import { http } from './request';

// 我的履职: a deputy's own year.
export const meApi = {
  performance: (year?: number) => http.get<PerformancePage>('/me/performance', { year }),
};
