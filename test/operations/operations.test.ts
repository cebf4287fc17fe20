import { ManualClock } from '../helpers/clocks';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import supertest from 'supertest';
import { loadConfig } from '../../config';
import { composeDemoApp } from '../../src/demo/compose-demo';
import { logDeploymentWarnings } from '../../src/deployment-checks';
import { createLogger } from '../../src/logger';
import { createDeployment } from '../../src/services/scheduling';
import { openTestDatabase } from '../helpers/db';
import { type Harness, createHarness } from '../helpers/harness';

const VERSION = (
  JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }
).version;

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      cb();
    },
  });
  return { lines, log: createLogger({ level: 'debug', destination }) };
}

/** The sample value of one metric line, e.g. `deputy_bot_outbox_items{status="pending"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /healthz and GET /metrics', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness('ops_metrics', { now: '2026-11-23T08:00:00+08:00' });
    await h.addDeputy('office1', '王主任');
  });
  afterAll(async () => h.close());

  it('/healthz reports the version from package.json', async () => {
    const res = await h.request.get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, version: VERSION });
  });

  it('serves Prometheus text to a loopback client: requests, commands, outbox, jobs, database, long connection', async () => {
    expect(await h.say('office1', '帮助')).toContain('帮助');
    expect(await h.say('office1', '交办 YJ2026-999 单位：水利站')).toBeTruthy(); // refused: no such opinion
    await h.services.notify.toGroup('m:1', 'a');
    await h.services.notify.toGroup('m:2', 'b');
    h.clock.set('2026-11-23T09:00:00+08:00');
    await h.scheduler.tick(h.clock.now());
    h.metrics.recordMissedDeadline('callback');
    h.metrics.setLongConnectionState('open');

    const res = await h.request.get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.text;
    expect(sample(text, 'deputy_bot_http_requests_total{status="200"}')).toBeGreaterThanOrEqual(3);
    expect(sample(text, 'deputy_bot_command_duration_seconds_count{command="帮助",outcome="ok"}')).toBe(1);
    expect(sample(text, 'deputy_bot_command_duration_seconds_count{command="交办",outcome="refused"}')).toBe(1);
    // Queued items, plus the digest the 09:00 tick queued for the group.
    expect(sample(text, 'deputy_bot_outbox_items{status="pending"}')).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'deputy_bot_outbox_items{status="dead"}')).toBe(0);
    expect(sample(text, 'deputy_bot_outbox_items{status="sent"}')).toBe(0);
    expect(sample(text, 'deputy_bot_job_runs_total{job="digest",outcome="succeeded"}')).toBe(1);
    expect(sample(text, 'deputy_bot_replies_missed_deadline_total{transport="callback"}')).toBe(1);
    expect(sample(text, 'deputy_bot_long_connection_state{state="open"}')).toBe(1);
    expect(sample(text, 'deputy_bot_long_connection_state{state="disabled"}')).toBe(0);
    expect(sample(text, 'deputy_bot_db_up')).toBe(1);
    expect(sample(text, 'deputy_bot_db_round_trip_seconds')).toBeGreaterThan(0);
    expect(text).toContain('deputy_bot_process_resident_memory_bytes');

    await h.drain();
    const after = (await h.request.get('/metrics')).text;
    expect(sample(after, 'deputy_bot_outbox_items{status="sent"}')).toBeGreaterThanOrEqual(3);
    expect(sample(after, 'deputy_bot_outbox_items{status="pending"}')).toBe(0);
  });

  it('without a token, refuses anything that came through a proxy', async () => {
    const res = await h.request.get('/metrics').set('X-Forwarded-For', '203.0.113.9');
    expect(res.status).toBe(403);
    expect(res.text).not.toContain('deputy_bot_');
  });
});

describe('GET /metrics with METRICS_TOKEN', () => {
  let h: Harness;
  const token = 'metrics-token-0123456789';
  beforeAll(async () => {
    h = await createHarness('ops_metrics_token', { env: { METRICS_TOKEN: token } });
  });
  afterAll(async () => h.close());

  it('needs the bearer token, from anywhere', async () => {
    expect((await h.request.get('/metrics')).status).toBe(401);
    expect((await h.request.get('/metrics').set('Authorization', 'Bearer wrong-token-0123456789')).status).toBe(401);
    const ok = await h.request
      .get('/metrics')
      .set('Authorization', `Bearer ${token}`)
      .set('X-Forwarded-For', '203.0.113.9');
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('deputy_bot_http_requests_total');
  });

  it('a token shorter than 16 characters is a configuration error', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow('METRICS_TOKEN');
  });
});

describe('start-up warnings', () => {
  it('one line each: no way to push, no office staff, CONSOLE_URL not https off loopback', async () => {
    const h = await createHarness('ops_warnings', {
      officeUserIds: [],
      env: { WECOM_WEBHOOK_KEY: '', CONSOLE_URL: 'http://bot.example.org', HOST: '127.0.0.1' },
    });
    try {
      const { lines, log } = capture();
      await logDeploymentWarnings(h.checkDeployment, log);
      expect(lines.map((l) => [l.level, l.check])).toEqual([
        [40, 'push'],
        [40, 'office'],
        [40, 'console_url'],
      ]);
      expect(String(lines[0]!.msg)).toContain('WECOM_WEBHOOK_KEY');
      expect(String(lines[0]!.msg)).toContain('WECOM_BOT_ID');
      expect(String(lines[2]!.msg)).toContain('http://bot.example.org');
      expect(String(lines[2]!.msg)).toContain('no Secure flag');
      // Office staff on the roster count as much as OFFICE_USERIDS.
      await h.addDeputy('clerk', '赵干事', { isOffice: true });
      expect((await h.checkDeployment()).map((w) => w.check)).toEqual(['push', 'console_url']);
    } finally {
      await h.close();
    }
  });

  it('says nothing when the deployment can work: long connection instead of a webhook, https or loopback console', async () => {
    const envs: Array<Record<string, string>> = [
      {
        WECOM_WEBHOOK_KEY: '',
        WECOM_BOT_ID: 'bot-id',
        WECOM_BOT_SECRET: 'bot-secret',
        CONSOLE_URL: 'https://rd.example.org',
        HOST: '127.0.0.1',
      },
      { CONSOLE_URL: '', HOST: '127.0.0.1' }, // default http://127.0.0.1:<PORT>
      { CONSOLE_URL: 'http://localhost:3000', HOST: 'localhost' },
      // Reachable from elsewhere, but believing no forwarded address.
      { CONSOLE_URL: 'https://rd.example.org', HOST: '0.0.0.0', TRUST_PROXY: '0' },
    ];
    for (const env of envs) {
      const h = await createHarness('ops_no_warnings', { env });
      try {
        expect(await h.checkDeployment()).toEqual([]);
      } finally {
        await h.close();
      }
    }
  });
});

describe('forwarded-for trust', () => {
  it('warns when the bot listens beyond loopback and believes X-Forwarded-For, naming the safe proxy setting', async () => {
    const h = await createHarness('ops_trust_proxy', {
      env: { CONSOLE_URL: 'https://rd.example.org', HOST: '0.0.0.0', TRUST_PROXY: '1' },
    });
    try {
      const warnings = await h.checkDeployment();
      expect(warnings.map((w) => w.check)).toEqual(['trust_proxy']);
      expect(warnings[0]!.message).toContain('0.0.0.0');
      expect(warnings[0]!.message).toContain('proxy_set_header X-Forwarded-For $remote_addr;');
    } finally {
      await h.close();
    }
  });
});

describe('a quiet, honest log', () => {
  it('a fresh install says nothing about slots before its first start; a later missed slot is still reported', async () => {
    // Monday 2026-11-23 08:00: last Wednesday's study slot and this morning's 03:00 cleanup predate the install.
    const h = await createHarness('ops_first_start', { now: '2026-11-23T08:00:00+08:00' });
    try {
      const reports = await h.scheduler.tick(h.clock.now());
      expect(reports).toEqual(
        expect.arrayContaining([
          { job: 'study', slot: 'study:2026-11-18T10:00', outcome: 'before_first_start' },
          { job: 'cleanup', slot: 'cleanup:2026-11-23T03:00', outcome: 'before_first_start' },
        ]),
      );
      expect(h.logLines.filter((l) => l.includes('missed its grace window'))).toEqual([]);
      expect(await h.models.JobRun.countDocuments({ status: 'skipped' })).toBe(0);
      // Down from Wednesday morning until the evening: that slot was due, and is reported.
      h.clock.set('2026-11-25T20:00:00+08:00');
      expect(await h.scheduler.tick(h.clock.now())).toEqual(
        expect.arrayContaining([{ job: 'study', slot: 'study:2026-11-25T10:00', outcome: 'skipped_late' }]),
      );
      const missed = h.logLines.filter((l) => l.includes('missed its grace window'));
      expect(missed.filter((l) => l.includes('study:2026-11-25T10:00'))).toHaveLength(1);
      // Only slots after the first start (Monday 08:00) are ever reported.
      expect(
        missed
          .map((l) => String((JSON.parse(l) as { slot: string }).slot.split(':').slice(1).join(':')))
          .every((at) => at >= '2026-11-23T08:00'),
      ).toBe(true);
    } finally {
      await h.close();
    }
  });

  it('the first start is recorded once; a database from before the record takes its oldest job run', async () => {
    const h = await createHarness('ops_first_start_upgrade', { now: '2026-11-23T08:00:00+08:00' });
    try {
      const { models } = h;
      await models.Deployment.deleteMany({});
      const oldest = new Date('2026-10-07T02:00:05Z');
      await models.JobRun.create({
        job: 'study',
        slot: 'study:2026-10-07T10:00',
        slotAt: new Date('2026-10-07T02:00:00Z'),
        status: 'succeeded',
        attempts: 1,
        startedAt: oldest,
      });
      expect(await createDeployment({ models }).recordStart(new Date('2026-11-23T00:00:00Z'))).toEqual(oldest);
      // A second instance starting later does not move it.
      expect(await createDeployment({ models }).recordStart(new Date('2026-12-01T00:00:00Z'))).toEqual(oldest);
    } finally {
      await h.close();
    }
  });

  it('logs the demo page polling at debug, other requests at info', async () => {
    const db = await openTestDatabase('ops_demo_log');
    const { lines, log } = capture();
    const config = loadConfig({ NODE_ENV: 'test', HOST: '127.0.0.1', LOG_LEVEL: 'debug', JOBS_ENABLED: 'false' });
    const composed = await composeDemoApp({
      config,
      connection: db.connection,
      log,
      clock: new ManualClock('2026-11-23T09:30:00+08:00'),
    });
    try {
      const request = supertest(composed.app.callback());
      expect((await request.get('/demo/api/pushes')).status).toBe(200);
      expect((await request.get('/demo/api/roster')).status).toBe(200);
      const requestLines = lines.filter((l) => l.msg === 'request');
      expect(requestLines.map((l) => [l.path, l.level])).toEqual([
        ['/demo/api/pushes', 20],
        ['/demo/api/roster', 30],
      ]);
    } finally {
      await composed.stop();
      await db.drop();
    }
  });
});
