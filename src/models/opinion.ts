import { type Connection, type InferSchemaType, Schema } from 'mongoose';
import {
  OPINION_SOURCES,
  OPINION_STATUSES,
  RATINGS,
  RESOLUTIONS,
  TIMELINE_ACTIONS,
  TIMELINE_VIA,
} from '../contracts/labels';

// The vocabularies are the console contract's (src/contracts), so the pages and the schema cannot disagree.
export { OPINION_STATUSES, RATINGS, TIMELINE_ACTIONS, TIMELINE_VIA };
export type { OpinionStatus, Rating, TimelineAction, Via as TimelineVia } from '../contracts/labels';

/** One step of an opinion's history: who did what, when. */
const timelineSchema = new Schema(
  {
    at: { type: Date, required: true },
    action: { type: String, enum: TIMELINE_ACTIONS, required: true },
    by: { type: String, required: true },
    byName: { type: String, required: true },
    round: { type: Number },
    unit: { type: String },
    deadline: { type: Date },
    /** The deadline was counted on weekends only (its year missing from the holiday calendar). */
    deadlineEstimated: { type: Boolean },
    rating: { type: String, enum: RATINGS },
    /** 落实 class of an answer step (A/B/C/D). */
    resolution: { type: String, enum: RESOLUTIONS },
    /** Answer text, rating remark or rejection reason. */
    note: { type: String },
    /** The inbound message that caused this step: a retried message never applies it twice. */
    origin: { type: String },
    via: { type: String, enum: TIMELINE_VIA },
  },
  { _id: false },
);

/** One handling round: 交办 → 答复 → 评价. 不满意 opens the next round; earlier rounds stay as they were. */
const roundSchema = new Schema(
  {
    round: { type: Number, required: true },
    unit: { type: String, required: true },
    deadline: { type: Date, required: true },
    assignedAt: { type: Date, required: true },
    answer: { type: String },
    answeredAt: { type: Date },
    /** 落实 class of this round's answer (A/B/C/D); absent on answers given before classes existed. */
    resolution: { type: String, enum: RESOLUTIONS },
    rating: { type: String, enum: RATINGS },
    ratedAt: { type: Date },
  },
  { _id: false },
);

/** A photo attached to an opinion: the photo's id (its sha256), when and by whom. */
const photoRefSchema = new Schema(
  {
    id: { type: String, required: true },
    at: { type: Date, required: true },
    by: { type: String, required: true },
  },
  { _id: false },
);

const opinionSchema = new Schema(
  {
    code: { type: String, required: true },
    year: { type: Number, required: true },
    seq: { type: Number, required: true },
    origin: { type: String, required: true },
    source: { type: String, enum: OPINION_SOURCES, required: true },
    /** Filer's WeCom userid and name at filing time. */
    filer: { type: String, required: true },
    filerName: { type: String, required: true },
    /** Co-signers' userids (附议), in signing order. */
    cosigners: { type: [String], default: [] },
    /** First line or sentence, cut short; derived from the masked text so it is safe to show anywhere. */
    title: { type: String, required: true },
    /** Stored as typed (phone numbers included); masked wherever others can read it. */
    content: { type: String, required: true },
    category: { type: String, required: true },
    /**
     * Why the category is what it is: the filer's `#类别`, the keywords found in the text, nothing matched,
     * or the office changed it. Absent on opinions filed before it was recorded.
     */
    categoryBasis: {
      type: new Schema(
        {
          how: { type: String, enum: ['given', 'suggested', 'default', 'office'], required: true },
          keywords: { type: [String], default: undefined },
        },
        { _id: false },
      ),
    },
    status: { type: String, enum: OPINION_STATUSES, required: true },
    /** Current round (0 until first assigned). */
    round: { type: Number, default: 0 },
    unit: { type: String },
    deadline: { type: Date },
    /** The deadline was counted in working days into a year the calendar did not know: weekends only. */
    deadlineEstimated: { type: Boolean },
    answer: { type: String },
    /** 落实 class of the latest answer (the current round's is in rounds[]). */
    resolution: { type: String, enum: RESOLUTIONS },
    /** The office passed the constituent's contact details on to the unit's contacts (交办 联系方式：提供). */
    shareContact: { type: Boolean },
    /**
     * A unit contact's answer waiting for the office's review (UNIT_ANSWER_REVIEW): the filer sees none of it.
     * `origin` is the submitting message: 审核 is guarded on it, so a newer submission is never approved unseen.
     */
    pendingAnswer: {
      type: new Schema(
        {
          text: { type: String, required: true },
          resolution: { type: String, enum: RESOLUTIONS, required: true },
          round: { type: Number, required: true },
          by: { type: String, required: true },
          byName: { type: String, required: true },
          at: { type: Date, required: true },
          origin: { type: String, required: true },
        },
        { _id: false },
      ),
    },
    /** Why the office sent the unit's last answer back (until the unit answers again). */
    returnedAnswer: {
      type: new Schema(
        { reason: { type: String, required: true }, at: { type: Date, required: true }, byName: { type: String } },
        { _id: false },
      ),
    },
    /** Latest rating given (kept across rounds; the current round's is in rounds[]). */
    rating: { type: String, enum: RATINGS },
    ratedRound: { type: Number },
    rejectReason: { type: String },
    filedAt: { type: Date, required: true },
    assignedAt: { type: Date },
    answeredAt: { type: Date },
    ratedAt: { type: Date },
    closedAt: { type: Date },
    withdrawnAt: { type: Date },
    rejectedAt: { type: Date },
    /** 跟踪: the day a case answered B or C comes back in 督办 (set by the office; absent otherwise). */
    followUpAt: { type: Date },
    /**
     * The last colour change (三色预警) the unit's contacts were told about, for this round and deadline, and when
     * the office was asked to 督办: the colours job tells each change once, however often it runs.
     */
    colourNotice: {
      type: new Schema(
        {
          round: { type: Number, required: true },
          deadline: { type: Date, required: true },
          colour: { type: String, enum: ['yellow', 'red'], required: true },
          at: { type: Date, required: true },
          escalatedAt: { type: Date },
        },
        { _id: false },
      ),
    },
    /** Time of the latest timeline entry: lets period reports skip untouched opinions. */
    lastEventAt: { type: Date, required: true },
    rounds: { type: [roundSchema], default: [] },
    /** Attached photos (sha256 ids into `photos`), at most 9; absent on opinions without any. */
    photos: { type: [photoRefSchema], default: undefined },
    timeline: { type: [timelineSchema], default: [] },
    /**
     * Written by earlier versions (timeline[].origin as plain strings, for a server that could not guard
     * on sub-documents); the guard is now on 'timeline.origin' and nothing reads or writes this.
     */
    origins: { type: [String], default: undefined },
  },
  { collection: 'opinions', versionKey: false },
);
opinionSchema.index({ code: 1 }, { unique: true });
// The ledger export reads a year in code order.
opinionSchema.index({ year: 1, seq: 1 });
opinionSchema.index({ origin: 1 }, { unique: true });
opinionSchema.index({ filer: 1, filedAt: -1 });
// 履职: a deputy's opinions are those filed or co-signed ($or: each branch has its index).
opinionSchema.index({ cosigners: 1 });
opinionSchema.index({ status: 1, deadline: 1 });
// 待办: a unit's open cases by deadline (its contacts' list).
opinionSchema.index({ unit: 1, status: 1, deadline: 1 });
// The console's list: a status within a year, in code (= filing) order.
opinionSchema.index({ year: 1, status: 1, seq: 1 });
// 建议's similar pool: open opinions, newest first (a sort-merge over the three open states).
opinionSchema.index({ status: 1, filedAt: -1 });
opinionSchema.index({ filedAt: 1 });
opinionSchema.index({ lastEventAt: 1 });
// The photo clean-up: is a photo still attached somewhere.
opinionSchema.index({ 'photos.id': 1 });

export type OpinionDoc = InferSchemaType<typeof opinionSchema> & { _id: unknown };
export type TimelineEntry = OpinionDoc['timeline'][number];

export function opinionModel(conn: Connection) {
  return conn.model('Opinion', opinionSchema);
}
