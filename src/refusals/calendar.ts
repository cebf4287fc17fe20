import type { RefusalSpec } from './spec';

// The holiday calendar's refusals (节假日 设置 and the console's 节假日 form): a block of their own, spread into
// the catalogue beside the other domains'. The chat parses the office's words itself (a problem there is the
// chat door's own line); these are what the use case refuses in the typed arrangement it is given.

/** The day lists of an arrangement a refusal is about (the form shows the message beside them). */
export type HolidayList = 'off' | 'on';

export interface CalendarRefusalFields {
  /** Further from this year than the office may enter (catches 2072 for 2027). */
  'holiday.yearOutOfRange': { year: number; from: number; to: number };
  /** Neither a day off nor a make-up working day. */
  'holiday.empty': { year: number; lists: HolidayList[] };
  /** Not a real date (a form sends `YYYY-MM-DD`). */
  'holiday.badDate': { text: string; lists: HolidayList[] };
  'holiday.otherYear': { text: string; year: number; lists: HolidayList[] };
  /** The same day both off and on. */
  'holiday.both': { days: string[]; lists: HolidayList[] };
}

export type CalendarRefusalCode = keyof CalendarRefusalFields;

export const CALENDAR_REFUSALS: { readonly [C in CalendarRefusalCode]: RefusalSpec } = {
  'holiday.yearOutOfRange': { kind: 'invalid', field: 'year' },
  'holiday.empty': { kind: 'invalid', fieldsIn: 'lists' },
  'holiday.badDate': { kind: 'invalid', fieldsIn: 'lists' },
  'holiday.otherYear': { kind: 'invalid', fieldsIn: 'lists' },
  'holiday.both': { kind: 'invalid', fieldsIn: 'lists' },
};
