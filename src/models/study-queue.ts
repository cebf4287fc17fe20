import { type Connection, Schema } from 'mongoose';

/**
 * The office's order of the study push queue (one document). Items it does not name (added since the last
 * reorder) follow in code order. `version` guards each reorder, so a page showing an older queue is refused.
 */
const studyQueueSchema = new Schema(
  {
    _id: { type: String, required: true },
    /** Shown as the record in the 操作日志. */
    code: { type: String, required: true },
    order: { type: [String], default: [] },
    version: { type: Number, required: true, default: 0 },
    updatedAt: { type: Date },
    updatedBy: { type: String },
  },
  { collection: 'study_queue', versionKey: false },
);

export const STUDY_QUEUE_ID = 'study-queue';

export function studyQueueModel(conn: Connection) {
  return conn.model('StudyQueue', studyQueueSchema);
}
