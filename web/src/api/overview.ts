import type { Overview } from '@contracts';
import { http } from './request';

// 概览 and the digest's picture.
export const overviewApi = {
  get: (year?: number | string) => http.get<Overview>('/overview', { year }),
  /**
   * The picture the Monday digest sends; null when there is nothing to draw this week (a 204). Fetched
   * rather than put in <img src>: a 204 is not an image, and the browser would log it as an error.
   */
  digestChart: () => http.image('/charts/digest.png'),
};
