import { composeApp, type ComposeOptions, type Core } from '../compose';
import { readSimulatorScript } from './assets';
import { FakeWecom } from './fake-wecom';
import { startLongConnectionSimulator } from './long-connection-sim';
import { createDemoRouter, DEMO_CHATID, DEMO_WECOM_PREFIX } from './router';
import { seedDemoRoster } from './seed';

export interface DemoComposeOptions extends ComposeOptions {
  /** The local WeCom sink the pushes go to (a test may hand in its own). */
  sink?: FakeWecom;
}

/**
 * Demo mode (no WeCom settings): the production composition, with WeCom played by this process. Pushes go to a
 * local sink served by this app (whose port is known only after listen); with DEMO_LONG_CONNECTION the process
 * also plays WeCom's WebSocket server for the bot to dial. main loads this module only in demo mode.
 */
export async function composeDemoApp(o: DemoComposeOptions) {
  const { config, log } = o;
  if (!config.demo) throw new Error('composeDemoApp is for demo mode only (no WeCom settings)');
  const sink = o.sink ?? new FakeWecom(500);
  const lcConfig = config.wecom.longConnection;
  const simulator = lcConfig
    ? await startLongConnectionSimulator({
        botId: lcConfig.botId,
        secret: lcConfig.secret,
        sink,
        chatid: DEMO_CHATID,
        aibotid: 'demo-bot',
      })
    : undefined;
  const attach = async ({ out, services, table, selfUrl }: Core) => {
    await seedDemoRoster(services.roster, log);
    // The simulator's one group is the push group, as the office would choose it with 设为代表群.
    if (simulator && out.pushGroup.needed) await out.pushGroup.choose(DEMO_CHATID, 'demo', { fromGroup: true });
    const page = createDemoRouter({
      keys: { token: config.wecom.token, encodingAesKey: config.wecom.encodingAesKey },
      botName: config.wecom.botName ?? '代表助手',
      timezone: config.timezone,
      roster: services.roster,
      sink,
      commands: table.commands,
      transport: simulator ? 'long-connection' : 'callback',
      simulatorJs: readSimulatorScript(),
      wecomBase: () => `${selfUrl()}${DEMO_WECOM_PREFIX}`,
      maxPhotoBytes: config.tunables.photos.maxBytes,
    });
    return simulator ? [page, simulator.router] : [page];
  };
  const stop = async () => {
    await simulator?.close();
  };
  const composed = await composeApp(o, {
    wecomPath: DEMO_WECOM_PREFIX,
    longConnectionUrl: simulator ? () => simulator.url : undefined,
    attach,
    stop,
  }).catch(async (err: unknown) => {
    await stop();
    throw err;
  });
  /** The local WeCom sink the group pushes land in. */
  return { ...composed, demoSink: sink };
}
