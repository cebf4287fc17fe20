import type { Logger } from 'pino';
import {
  type Callback,
  type Keeper,
  type KeeperOptions,
  type LinkState,
  type LinkStatus,
  createKeeper,
} from './keeper';

/** The keeper of this instance while it holds the lease; none while another instance does. */
export interface LinkHolder {
  current(): Keeper | undefined;
  /** Called by the lease: start a keeper on gaining it, stop it on losing it. */
  hold(holding: boolean): Promise<void>;
}

export function createLinkHolder(o: {
  /** The keeper's settings, read when it starts (the URL may be known only then). */
  settings: () => Omit<KeeperOptions, 'onCallback' | 'onStatus'>;
  onCallback(frame: Callback): void;
  onLinkState?: (state: LinkState) => void;
  /** Records the link's state on the lease document. */
  report(status: LinkStatus): Promise<void>;
  log: Logger;
}): LinkHolder {
  let keeper: Keeper | undefined;
  let reporting: Promise<void> = Promise.resolve();

  return {
    current: () => keeper,
    async hold(holding) {
      if (holding) {
        keeper = createKeeper({
          ...o.settings(),
          onCallback: o.onCallback,
          // One write after another, so the stored state never ends on an older one.
          onStatus: (status) => {
            o.onLinkState?.(status.state);
            reporting = reporting
              .then(() => o.report(status))
              .catch((err: unknown) => o.log.warn({ err }, 'connection state not recorded'));
          },
        });
        keeper.start();
      } else {
        const k = keeper;
        keeper = undefined;
        await k?.stop();
      }
    },
  };
}
