import Router from '@koa/router';
import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { Clock } from '../clock';
import type { Models } from '../models';
import type { Services } from '../services';
import type { WecomClient } from '../wecom/client';
import { createSignInLimiter } from './rate-limit';
import { createAuthRoutes, createDemoConsoleLogin } from './routes-auth';
import { registerEventRoutes, registerRoomCodeRoutes } from './routes-events';
import { registerExportRoutes } from './routes-exports';
import { registerHolidayRoutes } from './routes-holidays';
import { registerOpinionRoutes } from './routes-opinions';
import { registerOverviewRoutes } from './routes-overview';
import { registerChartRoutes } from './routes-charts';
import { registerAuditRoutes } from './routes-audit';
import { registerSystemRoutes } from './routes-system';
import { registerMeRoutes } from './routes-me';
import { registerRosterRoutes } from './routes-roster';
import { registerPhotoRoutes } from './routes-photos';
import { registerReportRoutes } from './routes-reports';
import { createGuard } from './session';
import { registerEventFormRoutes } from './routes-event-forms';
import { registerShiftRoutes } from './routes-shifts';
// -- 公告 composer and 学习资料 queue (issue 14)
import { registerAnnouncementRoutes } from './routes-announcements';
import { registerStudyRoutes } from './routes-study';
import { registerAppraisalRoutes } from './routes-appraisals';
import { registerBallotRoutes } from './routes-ballots';
import { registerUnitRecordRoutes } from './routes-unit-records';
import { registerUnitRoutes } from './routes-units';
import { registerProjectRoutes } from './routes-projects';

export interface ConsoleDeps {
  services: Services;
  models: Models;
  config: Config;
  clock: Clock;
  log: Logger;
  client: WecomClient;
  /** For the 系统 page: the database gate's ping and the running version. */
  database?: { ping(timeoutMs: number): Promise<void> };
  version?: string;
}

/**
 * The office console's server side: sign-in pages (/console/login, /console/auth/…) and the JSON API
 * under /api/console. Another door onto the same services as the chat commands.
 */
export function createConsoleRouters(d: ConsoleDeps): Router[] {
  const log = d.log.child({ part: 'console' });
  const secure = () => d.services.consoleAuth.baseUrl().startsWith('https:');
  const guard = createGuard({
    auth: d.services.consoleAuth,
    clock: d.clock,
    timezone: d.config.timezone,
    log,
    secure,
    audit: d.services.audit,
  });
  const c = d.config.tunables.console;
  const limiter = createSignInLimiter({
    clock: d.clock,
    perIp: c.signInPerIpPerWindow,
    windowMinutes: c.signInWindowMinutes,
  });

  const api = new Router({ prefix: '/api/console' });
  const authRoutes = createAuthRoutes({ ...d, log, guard, limiter, secure });
  authRoutes.register(api);
  registerOverviewRoutes(api, { ...d, guard });
  registerChartRoutes(api, { ...d, guard });
  // Before the opinion routes: /opinions/export.xlsx is not a case code.
  registerExportRoutes(api, { ...d, guard });
  registerOpinionRoutes(api, { ...d, guard });
  registerHolidayRoutes(api, { ...d, guard });
  registerRoomCodeRoutes(api, { ...d, guard });
  registerAuditRoutes(api, { ...d, guard });
  registerEventRoutes(api, { ...d, guard });
  registerSystemRoutes(api, { ...d, guard });
  registerMeRoutes(api, { ...d, guard });
  registerRosterRoutes(api, { ...d, guard });
  // 活动与会议 create/edit form and the 值班 week (issue 14).
  registerEventFormRoutes(api, { ...d, guard });
  registerShiftRoutes(api, { ...d, guard });
  // -- 公告 composer and 学习资料 queue (issue 14)
  registerAnnouncementRoutes(api, { ...d, guard });
  registerStudyRoutes(api, { ...d, guard });
  registerAppraisalRoutes(api, { ...d, guard });
  registerBallotRoutes(api, { ...d, guard });
  // 单位办理: each unit's record of a year (issue 23).
  registerUnitRecordRoutes(api, { ...d, guard });
  registerUnitRoutes(api, { ...d, guard });
  registerProjectRoutes(api, { ...d, guard });
  // An opinion's photos (issue 16).
  registerPhotoRoutes(api, { ...d, guard });
  // The 述职 draft's download: the console's buttons and the link sent in chat (issue 25).
  const reportPages = registerReportRoutes(api, { ...d, guard, secure });

  const routers = [authRoutes.pages, reportPages, api];
  if (d.config.demo) routers.push(createDemoConsoleLogin({ services: d.services, clock: d.clock, guard, limiter }));
  return routers;
}
