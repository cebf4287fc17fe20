import { ConfigError, loadConfig } from '../../config';

const KEY = 'a'.repeat(43);
const prod = {
  NODE_ENV: 'production',
  WECOM_TOKEN: 'tok',
  WECOM_ENCODING_AES_KEY: KEY,
  MONGODB_URI: 'mongodb://db:27017/x',
};

function failure(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      timezone: 'Asia/Shanghai',
      demo: true,
      host: '127.0.0.1',
      notifyChannel: 'group',
      jobsEnabled: true,
    });
    expect(c.wecom.apiBase).toBe('https://qyapi.weixin.qq.com');
    expect(c.wecom.encodingAesKey).toMatch(/^[A-Za-z0-9+/]{43}$/);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ WECOM_ENCODING_AES_KEY: 'short-secret-value', WECOM_TOKEN: 't' }, 'WECOM_ENCODING_AES_KEY'],
    [{ MONGODB_URI: 'postgres://secret-host/db' }, 'MONGODB_URI'],
    [{ WECOM_API_BASE: 'not a url' }, 'WECOM_API_BASE'],
    [{ APP_TIMEZONE: 'Mars/Olympus' }, 'APP_TIMEZONE'],
    [{ WECOM_AGENT_ID: 'x1', WECOM_CORP_SECRET: 's' }, 'WECOM_AGENT_ID'],
    [{ WECOM_TOKEN: 'only-token' }, 'WECOM_ENCODING_AES_KEY'],
    [{ WECOM_CORP_SECRET: 'sec', WECOM_AGENT_ID: '1' }, 'WECOM_CORP_ID'],
    [{ NOTIFY_CHANNEL: 'app' }, 'NOTIFY_CHANNEL'],
    [{ ASSIGN_DEADLINE_WORKDAYS: '0' }, 'ASSIGN_DEADLINE_WORKDAYS'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ WECOM_BOT_ID: 'aib-only-id' }, 'WECOM_BOT_SECRET'],
    [{ WECOM_BOT_SECRET: 'only-the-secret' }, 'WECOM_BOT_ID'],
    [{ WECOM_BOT_ID: 'aib1', WECOM_BOT_SECRET: 'sec-123456', WECOM_WS_URL: 'https://openws.example' }, 'WECOM_WS_URL'],
    [{ DEMO_LONG_CONNECTION: 'yes' }, 'DEMO_LONG_CONNECTION'],
    [{ CONSOLE_URL: 'ftp://console-host' }, 'CONSOLE_URL'],
    [{ METRICS_TOKEN: 'tooshort' }, 'METRICS_TOKEN'],
  ])('%j fails naming %s, without echoing the value', (env, variable) => {
    const message = failure(env as Record<string, string>);
    expect(message).toContain(variable);
    for (const value of Object.values(env)) if (value.length > 3) expect(message).not.toContain(value);
  });

  it('refuses production without WeCom credentials or a database, and never runs demo mode there', () => {
    expect(failure({ NODE_ENV: 'production', MONGODB_URI: prod.MONGODB_URI })).toContain('WECOM_TOKEN');
    expect(failure({ ...prod, MONGODB_URI: '' })).toContain('MONGODB_URI');
    expect(loadConfig(prod)).toMatchObject({ env: 'production', demo: false, host: '0.0.0.0' });
  });

  it('selects the long connection with WECOM_BOT_ID + WECOM_BOT_SECRET; callback keys become optional, also in production', () => {
    const env = {
      NODE_ENV: 'production',
      MONGODB_URI: prod.MONGODB_URI,
      WECOM_BOT_ID: 'aib-1',
      WECOM_BOT_SECRET: 'long-secret-value',
    };
    const c = loadConfig(env);
    expect(c).toMatchObject({ demo: false, wecom: { callbackEnabled: false, webhookKey: undefined } });
    expect(c.wecom.longConnection).toEqual({
      botId: 'aib-1',
      secret: 'long-secret-value',
      url: 'wss://openws.work.weixin.qq.com',
    });
    expect(loadConfig({ ...env, WECOM_WS_URL: 'ws://127.0.0.1:9001' }).wecom.longConnection?.url).toBe(
      'ws://127.0.0.1:9001',
    );
  });

  it('runs both modes together when both sets of credentials are given', () => {
    const c = loadConfig({
      ...prod,
      WECOM_BOT_ID: 'aib-1',
      WECOM_BOT_SECRET: 'long-secret-value',
      WECOM_WEBHOOK_KEY: 'hook',
    });
    expect(c.wecom).toMatchObject({ callbackEnabled: true, webhookKey: 'hook', longConnection: { botId: 'aib-1' } });
    expect(loadConfig(prod).wecom.longConnection).toBeUndefined();
  });

  it('production names both ways in when neither is configured', () => {
    const m = failure({ NODE_ENV: 'production', MONGODB_URI: prod.MONGODB_URI });
    expect(m).toContain('WECOM_BOT_ID');
    expect(m).toContain('WECOM_TOKEN');
  });

  it('the long-connection demo dials the simulator and pushes over it, only in demo mode', () => {
    const c = loadConfig({ DEMO_LONG_CONNECTION: 'true' });
    expect(c.demo).toBe(true);
    expect(c.wecom.longConnection?.botId).toBe('demo-bot');
    expect(c.wecom.webhookKey).toBeUndefined();
    expect(failure({ ...prod, DEMO_LONG_CONNECTION: 'true' })).toContain('DEMO_LONG_CONNECTION');
  });

  it('treats an empty variable (PORT= in a .env file) as unset', () => {
    const blank = {
      PORT: '',
      DATA_DIR: ' ',
      WECOM_API_BASE: '',
      APP_TIMEZONE: '',
      LOG_LEVEL: '',
      NOTIFY_CHANNEL: '',
      JOBS_ENABLED: '',
      ASSIGN_DEADLINE_WORKDAYS: '',
      UNIT_ANSWER_REVIEW: '',
      JOB_SCHEDULE_DIGEST: '',
    };
    expect(loadConfig(blank)).toMatchObject({
      port: 3000,
      dataDir: './data',
      timezone: 'Asia/Shanghai',
      logLevel: 'info',
      notifyChannel: 'group',
      jobsEnabled: true,
      assignDeadlineWorkdays: 15,
      unitAnswerReview: true,
    });
    expect(loadConfig(blank).wecom.apiBase).toBe('https://qyapi.weixin.qq.com');
  });

  it('operations settings: files and holiday folders, console address, metrics token', () => {
    expect(loadConfig({ PORT: '8080' })).toMatchObject({
      filesDir: './files',
      holidaysDir: './config/holidays',
      consoleUrl: undefined,
      metricsToken: undefined,
    });
    expect(
      loadConfig({ CONSOLE_URL: 'https://rd.example.org/', METRICS_TOKEN: 'x'.repeat(16), FILES_DIR: '/srv/files' }),
    ).toMatchObject({
      consoleUrl: 'https://rd.example.org',
      metricsToken: 'x'.repeat(16),
      filesDir: '/srv/files',
    });
    expect(loadConfig({ WECOM_BOT_ID: 'b', WECOM_BOT_SECRET: 's' }).wecom.longConnection).toMatchObject({
      botId: 'b',
      secret: 's',
    });
  });

  it('reads OFFICE_USERIDS with either comma and spaces', () => {
    expect(loadConfig({ OFFICE_USERIDS: ' a, b，c  d ' }).officeUserIds).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('CONSOLE_URL', () => {
  const base = { NODE_ENV: 'test' };
  it('is optional and loses its trailing slash', () => {
    expect(loadConfig(base).consoleUrl).toBeUndefined();
    expect(loadConfig({ ...base, CONSOLE_URL: 'https://rd.example.gov.cn/' }).consoleUrl).toBe(
      'https://rd.example.gov.cn',
    );
    expect(loadConfig({ ...base, CONSOLE_URL: 'http://10.0.0.5:8080' }).consoleUrl).toBe('http://10.0.0.5:8080');
  });
  it('must be an http(s) origin: no path (the console lives at /console), no query', () => {
    expect(() => loadConfig({ ...base, CONSOLE_URL: 'https://rd.example.gov.cn/bot' })).toThrow(/CONSOLE_URL/);
    expect(() => loadConfig({ ...base, CONSOLE_URL: 'rd.example.gov.cn' })).toThrow(/CONSOLE_URL/);
    expect(() => loadConfig({ ...base, CONSOLE_URL: 'https://x.cn/?a=1' })).toThrow(/CONSOLE_URL/);
  });
});
