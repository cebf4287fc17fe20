import type { AuditPage, AuditQuery } from '@contracts';
import { http } from './request';

// 操作日志 (read-only).
export const auditApi = {
  list: (q: AuditQuery) => http.get<AuditPage>('/audit', q),
};
