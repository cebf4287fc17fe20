// The calendar domain: the official holidays and make-up working days every working-day calculation reads.
export {
  type ArrangementSource,
  type ArrangementView,
  type Holidays,
  type HolidaysOptions,
  createHolidays,
  loadHolidayFiles,
} from './holidays';
