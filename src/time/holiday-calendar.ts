import calendarData from 'chinese-days/dist/chinese-days.json';

/** One year's official arrangement: days off (法定节假日) and make-up working days (调休上班), as YYYY-MM-DD. */
export interface YearArrangement {
  year: number;
  off: string[];
  on: string[];
}

/** What the working-day arithmetic needs to know about the official calendar. */
export interface HolidayCalendar {
  /** 'off' or 'work' for a day the arrangement names; undefined for a day that follows the weekend rule. */
  dayType(key: string): 'off' | 'work' | undefined;
  /** Whether the calendar knows this year's arrangement (else weekends only, an estimate). */
  covers(year: number): boolean;
}

// The package's own isWorkday() formats dates with the server's local zone, so we read its data
// (the JSON it documents for direct use) and do the calendar arithmetic ourselves.
const bundled = calendarData as unknown as { holidays: Record<string, string>; workdays: Record<string, string> };
const BUNDLED_YEARS: ReadonlySet<number> = new Set(
  [...Object.keys(bundled.holidays), ...Object.keys(bundled.workdays)].map((k) => Number(k.slice(0, 4))),
);

/** The State Council calendar as shipped in chinese-days (the fallback for years nobody entered). */
export const bundledCalendar: HolidayCalendar = {
  dayType(key) {
    if (bundled.workdays[key] !== undefined) return 'work';
    if (bundled.holidays[key] !== undefined) return 'off';
    return undefined;
  },
  covers: (year) => BUNDLED_YEARS.has(year),
};

/** The bundled data for one year, in the same shape as an entered arrangement (for 节假日 to show). */
export function bundledArrangement(year: number): YearArrangement | undefined {
  if (!BUNDLED_YEARS.has(year)) return undefined;
  const prefix = `${year}-`;
  const pick = (m: Record<string, string>) =>
    Object.keys(m)
      .filter((k) => k.startsWith(prefix))
      .sort();
  return { year, off: pick(bundled.holidays), on: pick(bundled.workdays) };
}

/**
 * Entered years in front of a fallback: a year that has an entry is decided by that entry alone
 * (an entry replaces the package's data for its year, it does not merge with it).
 */
export function layeredCalendar(
  years: readonly YearArrangement[],
  fallback: HolidayCalendar = bundledCalendar,
): HolidayCalendar {
  const byYear = new Map<number, { off: Set<string>; on: Set<string> }>();
  for (const y of years) byYear.set(y.year, { off: new Set(y.off), on: new Set(y.on) });
  return {
    dayType(key) {
      const entry = byYear.get(Number(key.slice(0, 4)));
      if (!entry) return fallback.dayType(key);
      if (entry.on.has(key)) return 'work';
      if (entry.off.has(key)) return 'off';
      return undefined;
    },
    covers: (year) => byYear.has(year) || fallback.covers(year),
  };
}
