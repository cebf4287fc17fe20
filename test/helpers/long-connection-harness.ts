import { ManualClock, ManualTimers } from './clocks';
import { longConnectionEnv, startFakeWecomWs, until } from './fake-wecom-ws';
import { createHarness } from './harness';

/**
 * An app whose group pushes go over the long connection (no webhook key) to a fake WeCom WebSocket server,
 * subscribed and up; the clock is manual and the long connection's timers fire only when a test advances them.
 */
export async function createLongConnectionHarness(tag: string, o: { now: string; instanceId: string }) {
  const ws = await startFakeWecomWs();
  const clock = new ManualClock(o.now);
  const h = await createHarness(tag, {
    clock,
    env: { ...longConnectionEnv(ws), WECOM_WEBHOOK_KEY: '' },
    compose: { timers: new ManualTimers(clock), instanceId: o.instanceId },
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
