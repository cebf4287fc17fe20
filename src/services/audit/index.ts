// The audit domain: the operation log (操作日志), written by the write hooks inside a door's scope.
export { type Audit, type AuditActor, type AuditEntry, type AuditQuery, createAudit } from './audit';
