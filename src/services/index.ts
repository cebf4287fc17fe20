import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { Clock } from '../clock';
import type { Models } from '../models';
import { createNotifier, type Notifier } from './notify';
import type { Outbox } from './outbox';
import { createRoster } from './roster';
import { createOpinions } from './opinions';
import { createSchedulingServices } from './scheduling';
import { createEvents } from './events';
import { createPerformance } from './performance';
import { createConsoleAuth } from './console-auth';
import { createOutboxHealth } from './outbox-health';

export interface ServiceDeps {
  models: Models;
  config: Config;
  clock: Clock;
  log: Logger;
  outbox: Outbox;
  notify: Notifier;
}

/** Every domain service, built once by the composition root. Each feature adds its service here. */
export function createServices(base: Omit<ServiceDeps, 'notify'> & { afterEnqueue?: () => void; consoleBaseUrl?: () => string }) {
  const notify = createNotifier({ outbox: base.outbox, channel: base.config.notifyChannel, afterEnqueue: base.afterEnqueue });
  const deps: ServiceDeps = { ...base, notify };
  const roster = createRoster({
    models: deps.models,
    officeUserIds: deps.config.officeUserIds,
    levels: deps.config.tunables.levels,
    groups: deps.config.tunables.professionalGroups,
  });
  // -- opinions
  const opinions = createOpinions({ models: deps.models, config: deps.config, log: deps.log.child({ part: 'opinions' }), notify, roster });
  // -- events (activities, meetings, shifts)
  const events = createEvents({ models: deps.models, config: deps.config, notify, roster, clock: deps.clock });
  // -- scheduler, announcements, study, digest (the digest reads opinions and events)
  const scheduling = createSchedulingServices({ ...deps, roster, digestSources: { events, opinions } });
  // -- performance (履职)
  const performance = createPerformance({ models: deps.models, config: deps.config, clock: deps.clock, roster, attendanceFor: events.attendanceFor });
  // -- office console sign-in and sessions; push health for its overview
  const consoleAuth = createConsoleAuth({
    models: deps.models,
    roster,
    limits: deps.config.tunables.console,
    baseUrl: base.consoleBaseUrl ?? (() => deps.config.consoleUrl ?? `http://127.0.0.1:${deps.config.port}`),
  });
  const outboxHealth = createOutboxHealth(deps.models);
  return {
    notify,
    roster,
    consoleAuth,
    outboxHealth,
    opinions,
    ...scheduling,
    events,
    performance,
  };
}

export type Services = ReturnType<typeof createServices>;
