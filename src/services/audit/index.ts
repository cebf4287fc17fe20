// The audit domain: the operation log (操作日志), each use case's entries (`recordWrite`) inside a door's scope.
export { type Audit, type AuditActor, type AuditEntry, type AuditQuery, createAudit } from './audit';
