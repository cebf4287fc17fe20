// Writes that go to the driver rather than through mongoose documents (group commits): one repository per
// aggregate, its rows typed by the model's schema (InferSchemaType), one instance per connection.
export { type AuditEntries, auditEntries } from './audit-entries';
export { type Counters, counters } from './counters';
export { type InboundDone, type InboundMessages, inboundMessages } from './inbound-messages';
export { type NewOpinion, type OpinionRows, opinionRows } from './opinions';
