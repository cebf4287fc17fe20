import { type Connection, type InferSchemaType, Schema } from 'mongoose';

/** One year's official arrangement as the office entered it; it replaces the bundled data for that year. */
const holidayYearSchema = new Schema(
  {
    year: { type: Number, required: true, unique: true },
    /** Days off (法定节假日), YYYY-MM-DD, sorted. */
    off: { type: [String], default: [] },
    /** Make-up working days (调休上班), YYYY-MM-DD, sorted. */
    on: { type: [String], default: [] },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, required: true },
    updatedByName: { type: String, required: true },
  },
  { collection: 'holiday_years', versionKey: false },
);

export type HolidayYearDoc = InferSchemaType<typeof holidayYearSchema>;

export function holidayYearModel(conn: Connection) {
  return conn.model('HolidayYear', holidayYearSchema);
}
