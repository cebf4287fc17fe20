import {
  FILE_MAX_BYTES,
  type PushGroup,
  createFileDelivery,
  createLinkStatus,
  createOutboxAdmin,
  createOutboxHealth,
  createPushGroup,
  fileChannelOf,
  pushesNeedGroup,
} from './delivery';
import { createConsoleAuth } from './access';
import { createLedgerDelivery } from './exports';
import type { createOpinions } from './opinions';
import { type Performance, createReportDelivery } from './performance';
import type { Roster } from './roster';
import { createDeployment } from './scheduling';
import type { ServiceDeps } from './service-deps';

/**
 * What the office runs the system with: console sign-in, the outbox's health and admin, the push group and the
 * link's status (任务, 系统), and 导出 / 述职 as a file or a console link.
 */
export function createOfficeParts(
  deps: ServiceDeps,
  parts: {
    roster: Roster;
    performance: Performance;
    unitRecords: ReturnType<typeof createOpinions>['unitRecords'];
    consoleBaseUrl?: () => string;
    pushGroup?: PushGroup;
    afterEnqueue?: () => void;
  },
) {
  const { models, config, notify } = deps;
  const consoleBaseUrl = parts.consoleBaseUrl ?? (() => config.consoleUrl ?? `http://127.0.0.1:${config.port}`);
  const pushGroup =
    parts.pushGroup ??
    createPushGroup({
      models,
      clock: deps.clock,
      log: deps.log.child({ part: 'push-group' }),
      needed: pushesNeedGroup(config),
      afterChoose: parts.afterEnqueue,
    });
  const link = createLinkStatus({ models, config, pushGroup });
  // -- office console sign-in and sessions; push health for its overview
  const consoleAuth = createConsoleAuth({
    models,
    roster: parts.roster,
    limits: config.tunables.console,
    baseUrl: consoleBaseUrl,
  });
  // The one place that decides whether what the chat hands out comes as a file or as a console link.
  const files = createFileDelivery({ notify, channel: fileChannelOf(config), maxFileBytes: FILE_MAX_BYTES });
  return {
    deployment: createDeployment({ models }),
    consoleAuth,
    outboxHealth: createOutboxHealth(models),
    outboxAdmin: createOutboxAdmin(models),
    link,
    pushGroup,
    // -- 导出 and 述职: a file over the long connection or the app, else a console link
    ledgers: createLedgerDelivery({
      models,
      roster: parts.roster,
      performance: parts.performance,
      unitRecords: parts.unitRecords,
      timezone: config.timezone,
      checkin: config.tunables.checkin,
      activityTypes: config.tunables.activityTypes,
      files,
      consoleBaseUrl,
    }),
    reports: createReportDelivery({ files, performance: parts.performance, reportUrl: consoleAuth.reportUrl }),
  };
}
