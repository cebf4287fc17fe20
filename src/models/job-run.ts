import { type Connection, type InferSchemaType, Schema } from 'mongoose';

/**
 * One run of a scheduled job for one slot. The unique (job, slot) pair is the claim: whoever
 * inserts it first runs the slot, every other instance skips it.
 */
const jobRunSchema = new Schema(
  {
    job: { type: String, required: true },
    /** `digest:2026-11-23T09:00` — the job name and the slot's wall time in the configured zone. */
    slot: { type: String, required: true },
    slotAt: { type: Date, required: true },
    status: { type: String, enum: ['running', 'succeeded', 'failed', 'skipped'], required: true },
    /** Which process holds the claim (host:pid:random), for the logs. */
    owner: { type: String },
    attempts: { type: Number, default: 1 },
    startedAt: { type: Date, required: true },
    finishedAt: { type: Date },
    counts: { type: Schema.Types.Mixed },
    note: { type: String },
    error: { type: String },
  },
  { collection: 'job_runs', versionKey: false },
);
jobRunSchema.index({ job: 1, slot: 1 }, { unique: true });
jobRunSchema.index({ job: 1, slotAt: -1 });
jobRunSchema.index({ startedAt: 1 });

export type JobRunDoc = InferSchemaType<typeof jobRunSchema> & { _id: unknown };

export function jobRunModel(conn: Connection) {
  return conn.model('JobRun', jobRunSchema);
}
