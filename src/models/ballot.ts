import { type Connection, type InferSchemaType, Schema } from 'mongoose';

/**
 * A secret ballot (票决). Who voted (`voters`) and the counts (`counts`) are kept apart and changed together by
 * one guarded update per vote; nothing records which voter chose what. `kind` says what a vote is: a `pick`
 * among candidates (`counts[i]` per candidate), or a `rating` of every subject (满意度测评 of projects, 部门评议 of
 * units): `counts[i * ratings + r]` counts subject i's rating r.
 */
const ballotSchema = new Schema(
  {
    code: { type: String, required: true },
    year: { type: Number, required: true },
    seq: { type: Number, required: true },
    kind: { type: String, enum: ['pick', 'rating'], required: true },
    title: { type: String, required: true },
    /** In the order numbered for voting (序号 1, 2, …). */
    candidates: { type: [String], required: true },
    /** A rating ballot's subjects: `project` (project codes in `subjectRefs`) or `unit` (承办单位 names). */
    ratingOf: { type: String, enum: ['project', 'unit'] },
    /** What each subject stands for (a project's code, a unit's name), aligned with `candidates`. */
    subjectRefs: { type: [String], default: undefined },
    /** How many to choose: exactly `choose`, or up to it when `upTo`. */
    choose: { type: Number, required: true },
    upTo: { type: Boolean, required: true },
    deadline: { type: Date, required: true },
    /** Who may vote: the active deputies on the roster when it was opened. */
    entitled: { type: [String], required: true },
    /** Who has voted (a set; never next to a choice). */
    voters: { type: [String], default: [] },
    /** Votes per candidate, aligned with `candidates`. */
    counts: { type: [Number], required: true },
    openedBy: { type: String, required: true },
    openedAt: { type: Date, required: true },
    /** The request that opened it: a retried message or form opens nothing twice. */
    origin: { type: String, required: true },
    closedAt: { type: Date },
    closedBy: { type: String },
    announcedAt: { type: Date },
  },
  { collection: 'ballots', versionKey: false },
);
ballotSchema.index({ code: 1 }, { unique: true });
ballotSchema.index({ origin: 1 }, { unique: true });
ballotSchema.index({ year: 1, seq: 1 });

export type BallotDoc = InferSchemaType<typeof ballotSchema> & { _id: unknown };

export function ballotModel(conn: Connection) {
  return conn.model('Ballot', ballotSchema);
}
