import { ConfigError, loadConfig } from '../../config';

const KEY = 'a'.repeat(43);
const prod = { NODE_ENV: 'production', WECOM_TOKEN: 'tok', WECOM_ENCODING_AES_KEY: KEY, MONGODB_URI: 'mongodb://db:27017/x' };

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
    expect(c).toMatchObject({ port: 3000, timezone: 'Asia/Shanghai', demo: true, host: '127.0.0.1', notifyChannel: 'group', jobsEnabled: true });
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
    [{ WECOM_BOT_ID: 'bot-id-only' }, 'WECOM_BOT_SECRET'],
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

  it('treats an empty variable (PORT= in a .env file) as unset', () => {
    const blank = { PORT: '', DATA_DIR: ' ', WECOM_API_BASE: '', APP_TIMEZONE: '', LOG_LEVEL: '', NOTIFY_CHANNEL: '', JOBS_ENABLED: '', ASSIGN_DEADLINE_WORKDAYS: '', JOB_SCHEDULE_DIGEST: '' };
    expect(loadConfig(blank)).toMatchObject({ port: 3000, dataDir: './data', timezone: 'Asia/Shanghai', logLevel: 'info', notifyChannel: 'group', jobsEnabled: true, assignDeadlineWorkdays: 15 });
    expect(loadConfig(blank).wecom.apiBase).toBe('https://qyapi.weixin.qq.com');
  });

  it('operations settings: files and holiday folders, console address, metrics token', () => {
    expect(loadConfig({ PORT: '8080' })).toMatchObject({ filesDir: './files', holidaysDir: './config/holidays', consoleUrl: 'http://127.0.0.1:8080', metricsToken: undefined });
    expect(loadConfig({ CONSOLE_URL: 'https://rd.example.org/', METRICS_TOKEN: 'x'.repeat(16), FILES_DIR: '/srv/files' })).toMatchObject({
      consoleUrl: 'https://rd.example.org',
      metricsToken: 'x'.repeat(16),
      filesDir: '/srv/files',
    });
    expect(loadConfig({ WECOM_BOT_ID: 'b', WECOM_BOT_SECRET: 's' }).wecom).toMatchObject({ botId: 'b', botSecret: 's' });
  });

  it('reads OFFICE_USERIDS with either comma and spaces', () => {
    expect(loadConfig({ OFFICE_USERIDS: ' a, b，c  d ' }).officeUserIds).toEqual(['a', 'b', 'c', 'd']);
  });
});
