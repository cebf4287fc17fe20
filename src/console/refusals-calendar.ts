import { t } from '../messages';
import type { CalendarRefusalCode, CalendarRefusalFields, RecordsRefusalCode, RecordsRefusalFields } from '../refusals';
import { CALENDAR_CHAT, RECORDS_CHAT } from '../refusals/chat-calendar';

type Render<C extends CalendarRefusalCode> = (f: CalendarRefusalFields[C]) => string;
type RecordsRender<C extends RecordsRefusalCode> = (f: RecordsRefusalFields[C]) => string;

/** The console's sentences for the calendar's refusals: dates picked in a form, not typed. */
export const CALENDAR_CONSOLE: { readonly [C in CalendarRefusalCode]: Render<C> } = {
  'holiday.yearOutOfRange': CALENDAR_CHAT['holiday.yearOutOfRange'],
  'holiday.empty': (f) => t('holidaysFormEmpty', f),
  'holiday.badDate': (f) => t('holidaysFormBadDate', f),
  'holiday.otherYear': CALENDAR_CHAT['holiday.otherYear'],
  'holiday.both': (f) => t('holidaysFormBoth', f),
};

/** The console's sentences for the yearly records' refusals: the chat's without its usage example. */
export const RECORDS_CONSOLE: { readonly [C in RecordsRefusalCode]: RecordsRender<C> } = {
  'records.badYear': (f) => t('refusalRecordsBadYear', f),
  'records.notOnRoster': RECORDS_CHAT['records.notOnRoster'],
};
