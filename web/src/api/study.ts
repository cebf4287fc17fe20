import type { StudyAddBody, StudyAdded, StudyEditBody, StudyOverview, StudyQueue } from '@contracts';
import { http, seg } from './request';

// 学习资料: the push queue and who has studied what.
export const studyApi = {
  get: () => http.get<StudyOverview>('/study'),
  add: (body: StudyAddBody) => http.post<StudyAdded>('/study', body),
  order: (queue: string[], version: number) => http.post<StudyQueue>('/study/queue/order', { queue, version }),
  edit: (code: string, body: StudyEditBody) => http.put(`/study/${seg(code)}`, body),
  remove: (code: string, version: number) => http.post<StudyQueue>(`/study/${seg(code)}/remove`, { version }),
};
