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

export interface ServiceDeps {
  models: Models;
  config: Config;
  clock: Clock;
  log: Logger;
  outbox: Outbox;
  notify: Notifier;
}

/** Every domain service, built once by the composition root. Each feature adds its service here. */
export function createServices(base: Omit<ServiceDeps, 'notify'> & { afterEnqueue?: () => void }) {
  const notify = createNotifier({ outbox: base.outbox, channel: base.config.notifyChannel, afterEnqueue: base.afterEnqueue });
  const deps: ServiceDeps = { ...base, notify };
  const roster = createRoster({
    models: deps.models,
    officeUserIds: deps.config.officeUserIds,
    levels: deps.config.tunables.levels,
    groups: deps.config.tunables.professionalGroups,
    clock: deps.clock,
  });
  // -- opinions
  const opinions = createOpinions({ models: deps.models, config: deps.config, log: deps.log.child({ part: 'opinions' }), notify, roster });
  // -- events (activities, meetings, shifts)
  const events = createEvents({ models: deps.models, config: deps.config, notify, roster, clock: deps.clock });
  // -- scheduler, announcements, study, digest (the digest reads opinions and events)
  const scheduling = createSchedulingServices({ ...deps, roster, digestSources: { events, opinions } });
  // -- performance (履职)
  const performance = createPerformance({ models: deps.models, config: deps.config, clock: deps.clock, roster, attendanceFor: events.attendanceFor });
  return {
    notify,
    roster,
    opinions,
    ...scheduling,
    events,
    performance,
  };
}

export type Services = ReturnType<typeof createServices>;
