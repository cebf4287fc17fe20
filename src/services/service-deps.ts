import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { Clock } from '../clock';
import type { Models } from '../models';
import type { Notifier, Outbox } from './delivery';

export interface ServiceDeps {
  models: Models;
  config: Config;
  clock: Clock;
  log: Logger;
  outbox: Outbox;
  notify: Notifier;
}
