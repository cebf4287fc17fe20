import type { Overview } from '@contracts';
import { http } from './request';

// 概览 and the digest's picture.
export const overviewApi = {
  get: (year?: number | string) => http.get<Overview>('/overview', { year }),
  /** The picture the Monday digest sends (204 when there is nothing to draw). */
  digestChartUrl: () => http.url('/charts/digest.png'),
};
