import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { Clock } from '../clock';
import type { Models } from '../models';
import {
  createNotifier,
  type DirectChats,
  type Notifier,
  type Outbox,
  type PushGroup,
  pushesNeedGroup,
  FILE_MAX_BYTES,
  createFileDelivery,
  fileChannelOf,
  appCanSend,
} from './delivery';
import { createLedgerDelivery } from './exports';
import { createOfficeDirectory, createRoster } from './roster';
import { createRosterUpload, createSheetReader } from './roster';
import { createOpinions } from './opinions';
import { createBulletins } from './bulletins';
import { createScheduling } from './scheduling';
import { createEvents } from './events';
import { createPerformance, createReportDelivery } from './performance';
import { createVoiceDrafts } from './opinions';
import { createLinkStatus, createPushGroup } from './delivery';
import { createConsoleAuth } from './access';
import { createOutboxHealth } from './delivery';
import { createOutboxAdmin } from './delivery';
import { createHolidays } from './calendar';
import { createDeployment } from './scheduling';
import { createAudit } from './audit';
import type { YearArrangement } from '../time/holiday-calendar';
import { createPhotos, type PhotoSource, PhotoRefused } from './photos';
import { createBallots } from './ballots';
import { createProjects } from './projects';

export interface ServiceDeps {
  models: Models;
  config: Config;
  clock: Clock;
  log: Logger;
  outbox: Outbox;
  notify: Notifier;
}

/** Every domain service, built once by the composition root. Each feature adds its service here. */
export function createServices(
  base: Omit<ServiceDeps, 'notify'> & {
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
  },
) {
  const consoleBaseUrl =
    base.consoleBaseUrl ?? (() => deps.config.consoleUrl ?? `http://127.0.0.1:${deps.config.port}`);
  const notify = createNotifier({
    outbox: base.outbox,
    channel: base.config.notifyChannel,
    direct: base.directChats,
    contactChats: base.contactChats,
    appCanSend: appCanSend(base.config),
    afterEnqueue: base.afterEnqueue,
  });
  const deps: ServiceDeps = { ...base, notify };
  // -- the official holiday calendar, read by every working-day calculation
  const holidays = createHolidays({
    models: deps.models,
    clock: deps.clock,
    log: deps.log.child({ part: 'holidays' }),
    timezone: deps.config.timezone,
    files: base.holidayFiles ?? [],
    ...deps.config.tunables.holidays,
  });
  const calendar = holidays.calendar;
  const roster = createRoster({
    models: deps.models,
    officeUserIds: deps.config.officeUserIds,
    levels: deps.config.tunables.levels,
    groups: deps.config.tunables.professionalGroups,
    clock: deps.clock,
  });
  // The office's roster upload: the same engine as `npm run roster:import`.
  const rosterUpload = createRosterUpload({
    models: deps.models,
    levels: deps.config.tunables.levels,
    groups: deps.config.tunables.professionalGroups,
    timezone: deps.config.timezone,
    officeUserIds: deps.config.officeUserIds,
    forget: () => roster.forget(),
    readSheets: createSheetReader({
      limits: deps.config.tunables.rosterFile,
      heapMb: deps.config.tunables.rosterFile.workerHeapMb,
      timeoutMs: deps.config.tunables.rosterFile.workerTimeoutMs,
      execArgv: base.workerExecArgv,
    }),
  });
  // The one answer to "who is the office": staff marked on the roster plus OFFICE_USERIDS.
  const officeDirectory = createOfficeDirectory({ roster, configUserIds: deps.config.officeUserIds });
  // -- opinions
  const opinions = createOpinions({
    models: deps.models,
    config: deps.config,
    log: deps.log.child({ part: 'opinions' }),
    notify,
    roster,
    office: officeDirectory,
    calendar,
    storedCalendar: holidays.stored,
  });
  // -- events (activities, meetings, shifts)
  const events = createEvents({
    models: deps.models,
    config: deps.config,
    notify,
    roster,
    clock: deps.clock,
    calendar,
    storedCalendar: holidays.stored,
  });
  // -- scheduler runs and clean-up
  const { jobRuns, cleanup } = createScheduling({ models: deps.models, config: deps.config, calendar });
  // -- announcements, study, digest (the digest reads opinions and events)
  const bulletins = createBulletins({
    models: deps.models,
    config: deps.config,
    notify,
    roster,
    officeDirectory,
    digestSources: { events, opinions },
  });
  // -- performance (履职)
  const performance = createPerformance({
    models: deps.models,
    config: deps.config,
    clock: deps.clock,
    roster,
    attendanceFor: events.attendanceFor,
  });
  // -- spoken opinions and the long connection's health (read by 任务)
  const voiceDrafts = createVoiceDrafts({ models: deps.models, draftMs: deps.config.tunables.voiceDraftMs });
  const pushGroup =
    base.pushGroup ??
    createPushGroup({
      models: deps.models,
      clock: deps.clock,
      log: deps.log.child({ part: 'push-group' }),
      needed: pushesNeedGroup(deps.config),
      afterChoose: base.afterEnqueue,
    });
  const link = createLinkStatus({ models: deps.models, config: deps.config, pushGroup });
  // -- office console sign-in and sessions; push health for its overview
  const consoleAuth = createConsoleAuth({
    models: deps.models,
    roster,
    limits: deps.config.tunables.console,
    baseUrl: consoleBaseUrl,
  });
  const outboxHealth = createOutboxHealth(deps.models);
  // The one place that decides whether what the chat hands out comes as a file or as a console link.
  const files = createFileDelivery({ notify, channel: fileChannelOf(deps.config), maxFileBytes: FILE_MAX_BYTES });
  // -- secret ballots (票决, 满意度测评, 部门评议) and the 民生实事 projects they adopt
  const ballots = createBallots({
    models: deps.models,
    notify,
    roster,
    office: officeDirectory,
    timezone: deps.config.timezone,
    unitRecords: opinions.unitRecords,
  });
  const projects = createProjects({ models: deps.models, notify, roster, ballots, timezone: deps.config.timezone });
  return {
    notify,
    holidays,
    deployment: createDeployment({ models: deps.models }),
    roster,
    rosterUpload,
    consoleAuth,
    outboxHealth,
    outboxAdmin: createOutboxAdmin(deps.models),
    opinions,
    jobRuns,
    officeDirectory,
    ...bulletins,
    cleanup,
    events,
    performance,
    voiceDrafts,
    link,
    pushGroup,
    // -- 导出 and 述职: a file over the long connection or the app, else a console link
    ledgers: createLedgerDelivery({
      models: deps.models,
      roster,
      performance,
      unitRecords: opinions.unitRecords,
      timezone: deps.config.timezone,
      checkin: deps.config.tunables.checkin,
      activityTypes: deps.config.tunables.activityTypes,
      files,
      consoleBaseUrl,
    }),
    reports: createReportDelivery({ files, performance, reportUrl: consoleAuth.reportUrl }),
    audit: createAudit({ models: deps.models, clock: deps.clock }),
    ballots,
    projects,
    // -- photos (随手拍)
    photos: createPhotos({
      models: deps.models,
      config: deps.config,
      log: deps.log.child({ part: 'photos' }),
      source: base.photoSource ?? {
        fetch: () => Promise.reject(new PhotoRefused('failed', 'no photo source configured')),
      },
    }),
  };
}

export type Services = ReturnType<typeof createServices>;
