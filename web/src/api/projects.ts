import type {
  ProjectAdoptBody,
  ProjectAdoptOptions,
  ProjectAdopted,
  ProjectDetail,
  ProjectEditBody,
  ProjectList,
  ProjectProgressBody,
} from '@contracts';
import { http, seg } from './request';

// 民生实事: the year's projects, one project, 立项, the edit form, progress, the workbook.
export const projectsApi = {
  list: (year: number) => http.get<ProjectList>('/projects', { year }),
  detail: (code: string) => http.get<ProjectDetail>(`/projects/${seg(code)}`),
  adoptOptions: () => http.get<ProjectAdoptOptions>('/projects/adopt-options'),
  adopt: (body: ProjectAdoptBody) => http.post<ProjectAdopted>('/projects', body),
  edit: (code: string, body: ProjectEditBody) => http.post<ProjectDetail>(`/projects/${seg(code)}`, body),
  progress: (code: string, body: ProjectProgressBody) =>
    http.post<ProjectDetail>(`/projects/${seg(code)}/progress`, body),
  workbookUrl: (year: number) => http.url('/projects/workbook.xlsx', { year }),
};
