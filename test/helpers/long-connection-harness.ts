import { ManualClock, ManualTimers } from './clocks';
import { longConnectionEnv, startFakeWecomWs, until } from './fake-wecom-ws';
import { type HarnessOptions, createHarness } from './harness';

/**
 * An app whose group pushes go over the long connection (no webhook key) to a fake WeCom WebSocket server,
 * subscribed and up; the clock is manual and the long connection's timers fire only when a test advances them.
 */
export async function createLongConnectionHarness(
  tag: string,
  o: {
    now: string;
    instanceId: string;
    /** Timers of the test's own making (default: ManualTimers on the harness's clock). */
    timers?: (clock: ManualClock) => ManualTimers;
    tunables?: HarnessOptions['tunables'];
  },
) {
  const ws = await startFakeWecomWs();
  const clock = new ManualClock(o.now);
  const h = await createHarness(tag, {
    clock,
    env: { ...longConnectionEnv(ws), WECOM_WEBHOOK_KEY: '' },
    compose: { timers: o.timers ? o.timers(clock) : new ManualTimers(clock), instanceId: o.instanceId },
    ...(o.tunables ? { tunables: o.tunables } : {}),
  });
  h.longConnection?.start();
  await until(() => h.longConnection?.health().link?.state === 'up', 'subscribed');
  return {
    ws,
    h,
    async close() {
      await h.close();
      await ws.close();
    },
  };
}
