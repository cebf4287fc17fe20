import { type Connection, Schema } from 'mongoose';

/** A planned step of a project: when it is due and what it is. */
const milestoneSchema = new Schema(
  { due: { type: Date, required: true }, text: { type: String, required: true } },
  { _id: false },
);

/** One progress report posted by the office; `origin` keeps a retried report from being posted twice. */
const progressSchema = new Schema(
  {
    at: { type: Date, required: true },
    text: { type: String, required: true },
    by: { type: String, required: true },
    pushed: { type: Boolean, required: true },
    origin: { type: String, required: true },
  },
  { _id: false },
);

/**
 * A livelihood project (民生实事) adopted by a 票决: one per chosen candidate (`origin` = ballot code # 序号, so
 * a retried 立项 creates it once). Followed through the year by its milestones and progress log; the deputies'
 * inspections are the activities naming it (`Activity.project`).
 */
const projectSchema = new Schema(
  {
    code: { type: String, required: true },
    year: { type: Number, required: true },
    seq: { type: Number, required: true },
    title: { type: String, required: true },
    /** The ballot that adopted it and the candidate's 序号 there. */
    ballotCode: { type: String, required: true },
    candidate: { type: Number, required: true },
    /** 承办单位; '' until the office names it. */
    unit: { type: String, default: '' },
    state: { type: String, enum: ['underway', 'done'], default: 'underway' },
    doneAt: { type: Date },
    milestones: { type: [milestoneSchema], default: [] },
    progress: { type: [progressSchema], default: [] },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    origin: { type: String, required: true },
    /** Bumped by every edit: the console's form sends the one it showed. */
    version: { type: Number, default: 0 },
  },
  { collection: 'projects', versionKey: false },
);
projectSchema.index({ code: 1 }, { unique: true });
projectSchema.index({ origin: 1 }, { unique: true });
projectSchema.index({ year: 1, seq: 1 });

export interface ProjectDoc {
  code: string;
  year: number;
  seq: number;
  title: string;
  ballotCode: string;
  candidate: number;
  unit: string;
  state: 'underway' | 'done';
  doneAt?: Date | null;
  milestones: Array<{ due: Date; text: string }>;
  progress: Array<{ at: Date; text: string; by: string; pushed: boolean; origin: string }>;
  createdBy: string;
  createdAt: Date;
  origin: string;
  version: number;
}

export function projectModel(conn: Connection) {
  return conn.model('Project', projectSchema);
}
