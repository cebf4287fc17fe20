import { ManualClock, ManualTimers } from '../helpers/clocks';
import { type BotFrame, messageBody, startFakeWecomWs, until } from '../helpers/fake-wecom-ws';
import { createHarness, type Harness } from '../helpers/harness';
import { botEnvelope, nextMsgId, readBotReply, signedQuery, TEST_KEYS } from '../helpers/wecom-payloads';

type Fake = Awaited<ReturnType<typeof startFakeWecomWs>>;

const OFFER = '回复「确认」提交为建议，或重新说一遍';

/** Voice messages (one-to-one): speech-to-text as typed text; a non-command becomes a draft filed on 确认. */
describe('voice drafts, over the long connection and the HTTP callback', () => {
  let ws: Fake;
  let h: Harness;

  async function ask(body: Record<string, unknown>, reqId?: string): Promise<string> {
    const from = ws.fake.frames.length;
    const id = ws.fake.sendMessage(body, reqId);
    const f: BotFrame = await ws.fake.waitFor(
      (x) => x.cmd === 'aibot_respond_msg' && x.headers.req_id === id && (x.body?.stream as { finish: boolean }).finish,
      from,
    );
    return (f.body?.stream as { content: string }).content;
  }
  const voice = (userid: string, content: string, msgid?: string) => messageBody({ userid, voice: content, msgid });
  const text = (userid: string, content: string, msgid?: string) => messageBody({ userid, text: content, msgid });
  const opinions = () => h.models.Opinion.countDocuments({});

  beforeAll(async () => {
    ws = await startFakeWecomWs();
    const clock = new ManualClock('2026-11-22T10:00:00+08:00');
    h = await createHarness('voice', {
      clock,
      env: { WECOM_BOT_ID: ws.botId, WECOM_BOT_SECRET: ws.secret, WECOM_WS_URL: ws.url },
      compose: { timers: new ManualTimers(clock), instanceId: 'V' },
    });
    for (const [id, name] of [
      ['d1', '张三'],
      ['d2', '李四'],
      ['d3', '王五'],
      ['d4', '赵六'],
    ] as const)
      await h.addDeputy(id, name);
    h.longConnection?.start();
    await until(() => h.longConnection?.health().link?.state === 'up', 'up');
  });

  afterAll(async () => {
    await h.close();
    await ws.close();
  });

  it('repeats a spoken opinion back and files it once on 确认, even when 确认 is redelivered', async () => {
    const said = '村口的路灯坏了三个月了，晚上很不安全，请尽快维修。';
    const offer = await ask(voice('d1', said));
    expect(offer).toContain(said);
    expect(offer).toContain(OFFER);
    expect(await opinions()).toBe(0);

    const confirm = text('d1', '确认');
    const filed = await ask(confirm);
    expect(filed).toMatch(/YJ2026-\d{3}/);
    const again = await ask(confirm); // WeCom redelivers the same msgid
    expect(again).toBe(filed);
    expect(await opinions()).toBe(1);
    const code = /YJ2026-\d{3}/.exec(filed)![0];
    expect(await ask(text('d1', '确认'))).toContain(`已经提交过了，编号 ${code}`);
    expect(await opinions()).toBe(1);
    const doc = await h.models.Opinion.findOne({}).lean();
    expect(doc).toMatchObject({ filer: 'd1', origin: expect.stringMatching(/^bot:/) });
    // The case page tags it 语音: it was said, though confirmed by a typed 确认.
    expect(doc?.timeline[0]).toMatchObject({ action: 'filed', via: 'voice' });
  });

  it('a 确认 re-run after a crash claims its draft again (finishing the filing); another 确认 cannot', async () => {
    const drafts = h.services.voiceDrafts;
    const now = h.clock.now();
    await drafts.offer('d9', '草稿内容', 'bot:voice-1', now);
    expect(await drafts.claim('d9', 'bot:confirm-1', now)).toMatchObject({
      status: 'claimed',
      draft: { voiceMsgId: 'bot:voice-1' },
    });
    expect(await drafts.claim('d9', 'bot:confirm-1', now)).toMatchObject({ status: 'claimed' });
    expect(await drafts.claim('d9', 'bot:confirm-2', now)).toEqual({ status: 'filed', code: undefined });
    await drafts.markFiled('d9', 'bot:confirm-1', 'YJ2026-099');
    expect(await drafts.claim('d9', 'bot:confirm-2', now)).toEqual({ status: 'filed', code: 'YJ2026-099' });
  });

  it('saying it again replaces the draft', async () => {
    await ask(voice('d2', '学校门口早上车太多'));
    expect(await ask(voice('d2', '学校门口需要一条斑马线和一个减速带'))).toContain('斑马线');
    await ask(text('d2', '确认'));
    expect(await h.models.Opinion.countDocuments({ filer: 'd2', title: /斑马线/ })).toBe(1);
    expect(await h.models.Opinion.countDocuments({ filer: 'd2' })).toBe(1);
  });

  it('a draft expires after 10 minutes (by the clock, not a TTL index)', async () => {
    await ask(voice('d3', '菜市场的排水沟堵了，下雨天污水横流'));
    h.clock.advance(10 * 60_000 + 1_000);
    expect(await ask(text('d3', '确认'))).toContain('超过10分钟未确认');
    expect(await h.models.Opinion.countDocuments({ filer: 'd3' })).toBe(0);
    expect(await ask(text('d4', '确认'))).toContain('没有待确认的语音建议');
  });

  it('a spoken command runs as typed: 帮助。 and 建议，… (speech-to-text punctuation tolerated)', async () => {
    expect(await ask(voice('d4', '帮助。'))).toContain('确认');
    const filed = await ask(voice('d4', '建议，河道两边的护栏松动了，孩子们经常在那里玩。'));
    expect(filed).toMatch(/YJ2026-\d{3}/);
    expect(await h.models.Opinion.countDocuments({ filer: 'd4' })).toBe(1);
    expect((await h.models.Opinion.findOne({ filer: 'd4' }).lean())?.timeline[0]?.via).toBe('voice');
  });

  it('an empty recognition asks to say it again; a stranger gets the roster line', async () => {
    expect(await ask(voice('d4', ''))).toContain('没听清');
    expect(await ask(voice('stranger', '我要提个建议'))).not.toContain(OFFER);
  });

  it('works the same through the HTTP callback (its JSON has the same voice field)', async () => {
    const post = async (body: Record<string, unknown>) => {
      const { body: env, ciphertext } = botEnvelope(TEST_KEYS, JSON.stringify(body));
      const res = await h.post(signedQuery(TEST_KEYS, ciphertext, h.nowSeconds()), env, 'application/json');
      expect(res.status).toBe(200);
      return readBotReply(TEST_KEYS, res.text).content;
    };
    expect(await post(voice('d2', '敬老院的热水器坏了', nextMsgId()))).toContain(OFFER);
    expect(await post(text('d2', '确认', nextMsgId()))).toMatch(/YJ2026-\d{3}/);
    expect(await h.models.Opinion.countDocuments({ filer: 'd2', title: /热水器/ })).toBe(1);
  });
});
