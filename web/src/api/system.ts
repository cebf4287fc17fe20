import type { OutboxPage, OutboxTab, PushGroupChosen, SystemInfo } from '@contracts';
import { http, seg } from './request';

// 系统: jobs, the database, the long connection's push group, the outbox (look, retry, discard).
export const systemApi = {
  get: () => http.get<SystemInfo>('/system'),
  /** 设为代表群: one of the groups the bot has heard from (as the chat command does in that group). */
  choosePushGroup: (chatid: string) => http.post<PushGroupChosen>('/system/push-group', { chatid }),
  outbox: (status: OutboxTab, page: number, pageSize: number) =>
    http.get<OutboxPage>('/system/outbox', { status, page, pageSize }),
  retry: (id: string) => http.post(`/system/outbox/${seg(id)}/retry`),
  discard: (id: string) => http.post(`/system/outbox/${seg(id)}/discard`),
};
