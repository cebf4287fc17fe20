import { type Connection, type InferSchemaType, Schema } from 'mongoose';

/** A study item (学习资料) queued by the office, pushed once by the study job, marked 已学 by deputies. */
const studyItemSchema = new Schema(
  {
    code: { type: String, required: true },
    year: { type: Number, required: true },
    seq: { type: Number, required: true },
    title: { type: String, required: true },
    link: { type: String },
    note: { type: String },
    authorId: { type: String, required: true },
    origin: { type: String, required: true },
    createdAt: { type: Date, required: true },
    /** Grows with every console edit: an edit from a page showing an older version is refused. Missing = 0. */
    version: { type: Number },
    /** Set when a study-job slot takes the item; the slot key lets a re-run of that slot find it again. */
    pushedAt: { type: Date },
    pushSlot: { type: String },
    /** Who marked it studied, and when (one entry per deputy, added atomically). */
    learned: {
      type: [{ _id: false, userid: { type: String, required: true }, at: { type: Date, required: true } }],
      default: [],
    },
    /** Written by earlier versions (the userids of learned[]); the guard is now on 'learned.userid'. */
    learnedIds: { type: [String], default: undefined },
  },
  { collection: 'study_items', versionKey: false },
);
studyItemSchema.index({ code: 1 }, { unique: true });
studyItemSchema.index({ origin: 1 }, { unique: true });
studyItemSchema.index({ pushedAt: 1, createdAt: 1 });
studyItemSchema.index({ pushSlot: 1 });
studyItemSchema.index({ 'learned.userid': 1 });

export type StudyItemDoc = InferSchemaType<typeof studyItemSchema> & { _id: unknown };

export function studyItemModel(conn: Connection) {
  return conn.model('StudyItem', studyItemSchema);
}
