import type {
  AnswerPreview,
  AnswerPreviewBody,
  AssignBody,
  BatchResult,
  CasePhotos,
  MyOpinionsPage,
  OpinionDetail,
  OpinionFilter,
  OpinionListQuery,
  OpinionPage,
  Resolution,
  StepBodies,
  StepResult,
  Units,
  Workdays,
} from '@contracts';
import { http, seg } from './request';

// 意见建议: the office's list and case page, and a deputy's own cases (the same detail, read-only).

/** A case as the office (`/opinions/…`) or its filer (`/me/opinions/…`) reads it. */
const casePath = (code: string, mine = false) => `${mine ? '/me' : ''}/opinions/${seg(code)}`;

export const opinionsApi = {
  list: (q: OpinionListQuery) => http.get<OpinionPage>('/opinions', q),
  exportUrl: (f: OpinionFilter) => http.url('/opinions/export.xlsx', f),
  detail: (code: string, mine = false) => http.get<OpinionDetail>(casePath(code, mine)),
  /** One step on the case; `version` is the one the page read (a change meanwhile is a 409). */
  step: <A extends keyof StepBodies>(code: string, action: A, body: StepBodies[A], version: number) =>
    http.post<StepResult>(`${casePath(code)}/${action}`, { ...body, version }),
  answerPreview: (code: string, text: string, resolution?: Resolution) =>
    http.post<AnswerPreview>(`${casePath(code)}/answer-preview`, { text, resolution } satisfies AnswerPreviewBody),
  assignBatch: (codes: string[], body: AssignBody) =>
    http.post<BatchResult>('/opinions/assign-batch', { codes, ...body }),
  units: async () => (await http.get<Units>('/units')).units,
  /** The deadline n working days from today (the server's default n without one). */
  workdays: (days?: number) => http.get<Workdays>('/workdays', { days }),
  photos: (code: string) => http.get<CasePhotos>(`${casePath(code)}/photos`),
};

export const myOpinionsApi = {
  list: (page: number) => http.get<MyOpinionsPage>('/me/opinions', { page }),
};
