import type { OutboxPage, OutboxTab, SystemInfo } from '@contracts';
import { http, seg } from './request';

// 系统: jobs, the database, the outbox (look, retry, discard).
export const systemApi = {
  get: () => http.get<SystemInfo>('/system'),
  outbox: (status: OutboxTab, page: number, pageSize: number) =>
    http.get<OutboxPage>('/system/outbox', { status, page, pageSize }),
  retry: (id: string) => http.post(`/system/outbox/${seg(id)}/retry`),
  discard: (id: string) => http.post(`/system/outbox/${seg(id)}/discard`),
};
