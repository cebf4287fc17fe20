import type { Logger } from 'pino';
import type { Clock } from '../../clock';
import type { Models } from '../../models';
import {
  bundledCalendar,
  type HolidayCalendar,
  layeredCalendar,
  type YearArrangement,
} from '../../time/holiday-calendar';

/**
 * This instance's snapshot of the calendar: the office's entries in front of the files and the bundled data.
 * Working-day arithmetic reads it synchronously; it is rebuilt on this instance's writes and re-read in the
 * background when older than refreshMs (entries made on another instance).
 */
export function createCalendarCache(o: {
  models: Models;
  clock: Clock;
  log: Logger;
  files: readonly YearArrangement[];
  refreshMs: number;
}) {
  const { HolidayYear } = o.models;
  const fromFiles = layeredCalendar(o.files, bundledCalendar);
  let snapshot: HolidayCalendar = fromFiles;
  let loadedAt = Number.NEGATIVE_INFINITY;
  let refreshing: Promise<void> | undefined;
  // Reads may overlap (background refresh, stored computations): the snapshot keeps the latest one started.
  let readsStarted = 0;
  let readApplied = 0;

  /** The office's entries as stored now (one small read: a document per entered year). */
  async function read(): Promise<HolidayCalendar> {
    const seq = ++readsStarted;
    const docs = await HolidayYear.find().select({ year: 1, off: 1, on: 1 }).lean();
    const calendar = layeredCalendar(
      docs.map((d) => ({ year: d.year, off: d.off, on: d.on })),
      fromFiles,
    );
    if (seq > readApplied) {
      readApplied = seq;
      snapshot = calendar;
      loadedAt = o.clock.now().getTime();
    }
    return calendar;
  }

  async function refresh(): Promise<void> {
    await read();
  }

  function refreshInBackground(): void {
    if (refreshing) return;
    refreshing = refresh()
      .catch((err: unknown) => o.log.warn({ err }, 'could not re-read the holiday calendar; keeping the last one'))
      .finally(() => {
        refreshing = undefined;
      });
  }

  /** The calendar working-day answers that are shown, not stored, use (never blocks). */
  function calendar(): HolidayCalendar {
    if (o.clock.now().getTime() - loadedAt > o.refreshMs) refreshInBackground();
    return snapshot;
  }

  return {
    read,
    refresh,
    calendar,
    /** Resolves when a background re-read started by calendar() has finished (tests, shutdown). */
    async settled(): Promise<void> {
      await refreshing;
    },
  };
}
