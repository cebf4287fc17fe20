import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { Clock } from '../clock';
import type { Command } from '../commands/types';
import type { Metrics } from '../metrics';
import type { Timers } from '../wecom/long-connection/timers';

export interface ComposeOptions {
  config: Config;
  connection: Connection;
  log: Logger;
  clock?: Clock;
  /** Test seam: how a duplicate delivery waits between polls. */
  pause?: (ms: number) => Promise<void>;
  /** Test seam: the long connection's timers (heartbeat, backoff, lease, reply deadline). */
  timers?: Timers;
  /** Test seam: this instance's id in the long connection's lease. */
  instanceId?: string;
  /** Test seam: commands added to the table (e.g. one that blocks until the test releases it). */
  extraCommands?: readonly Command[];
  /** Tests pass their own; otherwise one per app. */
  metrics?: Metrics;
  /** Test seam: Node options for worker threads (the tests' TypeScript loader; compiled code needs none). */
  workerExecArgv?: string[];
}
