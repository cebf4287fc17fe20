import { t } from '../messages';
import type { CalendarRefusalCode, CalendarRefusalFields } from './calendar';
import type { RecordsRefusalCode, RecordsRefusalFields } from './records';

type Render<C extends CalendarRefusalCode> = (f: CalendarRefusalFields[C]) => string;
type RecordsRender<C extends RecordsRefusalCode> = (f: RecordsRefusalFields[C]) => string;

/** The chat's sentences for the calendar's refusals (the same words 节假日 设置 has always said). */
export const CALENDAR_CHAT: { readonly [C in CalendarRefusalCode]: Render<C> } = {
  'holiday.yearOutOfRange': (f) => t('holidaysYearOutOfRange', f),
  'holiday.empty': (f) => t('holidaysSetUsage', f),
  'holiday.badDate': (f) => t('holidaysBadDate', f),
  'holiday.otherYear': (f) => t('holidaysOtherYear', f),
  'holiday.both': (f) => t('holidaysBoth', f),
};

/** The chat's sentences for the yearly records' refusals (履职, 述职). */
export const RECORDS_CHAT: { readonly [C in RecordsRefusalCode]: RecordsRender<C> } = {
  'records.badYear': (f) => t('performanceBadYear', { year: String(f.year), current: f.current }),
  'records.notOnRoster': () => t('reportNotOnRoster'),
};
