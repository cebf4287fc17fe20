import { createNotifier, type DirectChats, type PushGroup, appCanSend } from './delivery';
import { createOpinions } from './opinions';
import { createBulletins } from './bulletins';
import { createScheduling } from './scheduling';
import { createEvents } from './events';
import { createPerformance } from './performance';
import { createVoiceDrafts } from './opinions';
import { createHolidays } from './calendar';
import { createAudit } from './audit';
import type { YearArrangement } from '../time/holiday-calendar';
import { createPhotos, type PhotoSource, PhotoRefused } from './photos';
import { createBallots } from './ballots';
import { createProjects } from './projects';

import { createOfficeParts } from './office-parts';
import { createRosterParts } from './roster-parts';
import type { ServiceDeps } from './service-deps';

export type { ServiceDeps } from './service-deps';

export type ServiceBase = Omit<ServiceDeps, 'notify'> & {
  afterEnqueue?: () => void;
  /** Set when personal notices may go one-to-one over the long connection. */
  directChats?: DirectChats;
  /** Set when the long connection is here: a unit contact who wrote to the bot is told one-to-one. */
  contactChats?: DirectChats;
  /** The long connection's push group (chosen by the office); the composition root shares its own. */
  pushGroup?: PushGroup;
  consoleBaseUrl?: () => string;
  holidayFiles?: readonly YearArrangement[];
  /** Where pictures are fetched from (the WeCom side); without one every picture is refused. */
  photoSource?: PhotoSource;
  /** Node options for worker threads (from TypeScript sources: the loader that transpiles them). */
  workerExecArgv?: string[];
};

/** Every push to people goes through the one notifier (the outbox behind it). */
function notifierFor(base: ServiceBase) {
  return createNotifier({
    outbox: base.outbox,
    channel: base.config.notifyChannel,
    direct: base.directChats,
    contactChats: base.contactChats,
    appCanSend: appCanSend(base.config),
    afterEnqueue: base.afterEnqueue,
  });
}

/** The official holiday calendar, read by every working-day calculation. */
function holidaysFor(deps: ServiceDeps, files: readonly YearArrangement[] | undefined) {
  return createHolidays({
    models: deps.models,
    clock: deps.clock,
    log: deps.log.child({ part: 'holidays' }),
    timezone: deps.config.timezone,
    files: files ?? [],
    ...deps.config.tunables.holidays,
  });
}

/**
 * Every domain service, built once by the composition root. Each feature adds its service here; who is who
 * (roster-parts.ts) and what the office runs the system with (office-parts.ts) are composed in parts.
 */
export function createServices(base: ServiceBase) {
  const notify = notifierFor(base);
  const deps: ServiceDeps = { ...base, notify };
  const holidays = holidaysFor(deps, base.holidayFiles);
  const calendar = holidays.calendar;
  const stored = holidays.stored;
  const { roster, rosterUpload, officeDirectory } = createRosterParts(deps, base.workerExecArgv);
  const { models, config, clock } = deps;
  // -- opinions; events (activities, meetings, shifts)
  const opinionsLog = deps.log.child({ part: 'opinions' });
  const opinions = createOpinions({
    models,
    config,
    log: opinionsLog,
    notify,
    roster,
    office: officeDirectory,
    calendar,
    storedCalendar: stored,
  });
  const events = createEvents({ models, config, notify, roster, clock, calendar, storedCalendar: stored });
  // -- scheduler runs and clean-up
  const { jobRuns, cleanup } = createScheduling({ models, config, calendar });
  // -- announcements, study, digest (the digest reads opinions and events)
  const digestSources = { events, opinions };
  const bulletins = createBulletins({ models, config, notify, roster, officeDirectory, digestSources });
  // -- performance (履职)
  const performance = createPerformance({ models, config, clock, roster, attendanceFor: events.attendanceFor });
  // -- secret ballots (票决, 满意度测评, 部门评议) and the 民生实事 projects they adopt
  const { timezone } = config;
  const unitRecords = opinions.unitRecords;
  const ballots = createBallots({ models, notify, roster, office: officeDirectory, timezone, unitRecords });
  const projects = createProjects({ models, notify, roster, ballots, timezone });
  const office = createOfficeParts(deps, {
    roster,
    performance,
    unitRecords,
    consoleBaseUrl: base.consoleBaseUrl,
    pushGroup: base.pushGroup,
    afterEnqueue: base.afterEnqueue,
  });
  return {
    notify,
    holidays,
    roster,
    rosterUpload,
    opinions,
    jobRuns,
    officeDirectory,
    ...bulletins,
    cleanup,
    events,
    performance,
    // -- spoken opinions (the long connection's health is the office parts' `link`, read by 任务)
    voiceDrafts: createVoiceDrafts({ models, draftMs: config.tunables.voiceDraftMs }),
    ...office,
    audit: createAudit({ models, clock }),
    ballots,
    projects,
    // -- photos (随手拍)
    photos: createPhotos({
      models,
      config,
      log: deps.log.child({ part: 'photos' }),
      source: base.photoSource ?? {
        fetch: () => Promise.reject(new PhotoRefused('failed', 'no photo source configured')),
      },
    }),
  };
}

export type Services = ReturnType<typeof createServices>;
