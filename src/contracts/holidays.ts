// 节假日 in the console.
import type { Day, Instant } from './common';
import type { HolidaySource } from './labels';

/** GET/PUT /holidays/:year */
export interface HolidayYear {
  year: number;
  source: HolidaySource;
  off: Day[];
  on: Day[];
  weekdayMakeUps: Day[];
  updatedAt: Instant | null;
  updatedByName: string | null;
  shadowsFile: boolean;
  missingNextYear: number | null;
  /** After a save: open cases whose deadline in that year was estimated on weekends only. */
  estimated?: string[];
}

export interface HolidayDaysBody {
  off: Day[];
  on: Day[];
}
