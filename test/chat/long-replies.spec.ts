import { type Harness, createHarness } from '../helpers/harness';

let h: Harness;
beforeAll(async () => {
  h = await createHarness('long', { env: { WECOM_AGENT_ID: '1000002', WECOM_CORP_SECRET: 'corp-secret-long' } });
  // A large roster makes `代表 列表` longer than any passive reply allows.
  await h.models.Deputy.insertMany(
    Array.from({ length: 700 }, (_, i) => ({
      userid: `d${i}`,
      name: `代表${String(i).padStart(3, '0')}号`,
      level: '镇',
      active: true,
    })),
  );
});
afterAll(async () => h.close());

it('smart bot: the passive stream stays under 20 KB and the rest goes once to response_url', async () => {
  const reply = await h.say('office1', '代表 列表', { responseUrl: `${h.fakeBaseUrl}/response/r1` });
  expect(Buffer.byteLength(reply, 'utf8')).toBeLessThanOrEqual(20_000);
  expect(reply).toContain('代表000号');
  expect(reply).toContain('其余部分随后发出');
  await h.drain();
  const rest = h.wecom.pushes.filter((p) => p.channel === 'response_url');
  expect(rest).toHaveLength(1);
  expect(rest[0]!.key).toBe('r1');
  expect(rest[0]!.content).toContain('代表699号');
  // Nothing lost, nothing repeated: every deputy appears exactly once across both parts.
  const all = `${reply}\n${rest[0]!.content}`;
  for (const i of [0, 350, 699]) expect(all.split(`代表${String(i).padStart(3, '0')}号`).length - 1).toBe(1);
});

it('self-built app: the passive XML text stays under 2048 bytes and the rest arrives as app messages', async () => {
  const reply = await h.say('office1', '代表 列表', { mode: 'app' });
  expect(Buffer.byteLength(reply, 'utf8')).toBeLessThanOrEqual(2048);
  expect(reply).toContain('其余部分随后发出');
  await h.drain();
  const app = h.wecom.pushes.filter((p) => p.channel === 'app');
  expect(app.length).toBeGreaterThan(5);
  for (const p of app) {
    expect(p.touser).toEqual(['office1']);
    expect(Buffer.byteLength(p.content, 'utf8')).toBeLessThanOrEqual(2048);
  }
  expect(app.map((p) => p.content).join('\n')).toContain('代表699号');
});

it('self-built app without an app secret: the reply is cut with a note, and nothing is promised or queued', async () => {
  const bare = await createHarness('long_noapp');
  try {
    await bare.models.Deputy.insertMany(
      Array.from({ length: 200 }, (_, i) => ({
        userid: `d${i}`,
        name: `代表${String(i).padStart(3, '0')}号`,
        level: '镇',
        active: true,
      })),
    );
    const reply = await bare.say('office1', '代表 列表', { mode: 'app' });
    expect(Buffer.byteLength(reply, 'utf8')).toBeLessThanOrEqual(2048);
    expect(reply).toContain('代表000号');
    expect(reply).toContain('只显示了前一部分');
    expect(reply).not.toContain('随后发出');
    expect(await bare.models.OutboxItem.countDocuments({})).toBe(0);
  } finally {
    await bare.close();
  }
});
