import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { categoryKeywords, defaults } from './defaults';
import { parseScoreFormula, type ScoreWeights } from './score';

// The only reader of process.env: everything else receives a Config.

const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const onOff = optional.pipe(z.enum(['true', 'false']).optional());

// An empty variable (`PORT=` in a .env or compose file) means "use the default", like an unset one.
const blankAsUnset = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema);

const envSchema = z.object({
  NODE_ENV: optional,
  PORT: blankAsUnset(z.coerce.number().int().min(0).max(65535).default(3000)),
  HOST: optional,
  // Reverse proxies in front of the bot: how many X-Forwarded-For entries (from the right) to believe.
  TRUST_PROXY: blankAsUnset(z.coerce.number().int().min(0).max(5).default(1)),
  MONGODB_URI: optional.refine(
    (v) => v === undefined || /^mongodb(\+srv)?:\/\//.test(v),
    'must start with mongodb:// or mongodb+srv://',
  ),
  // The optional 履职积分 (config/score.ts); unset: no score anywhere.
  PERFORMANCE_SCORE: optional,
  DATA_DIR: blankAsUnset(z.string().trim().default('./data')),
  FILES_DIR: blankAsUnset(z.string().trim().default('./files')),
  HOLIDAYS_DIR: blankAsUnset(z.string().trim().default('./config/holidays')),
  WECOM_TOKEN: optional,
  WECOM_ENCODING_AES_KEY: optional.refine(
    (v) => v === undefined || /^[A-Za-z0-9+/]{43}$/.test(v),
    'must be the 43-character EncodingAESKey',
  ),
  WECOM_CORP_ID: optional,
  WECOM_BOT_NAME: optional,
  WECOM_WEBHOOK_KEY: optional,
  WECOM_AGENT_ID: optional.refine((v) => v === undefined || /^\d+$/.test(v), 'must be a number'),
  WECOM_CORP_SECRET: optional,
  WECOM_API_BASE: blankAsUnset(z.string().trim().url().default('https://qyapi.weixin.qq.com')),
  // The smart bot's long connection (长连接): the bot dials out, so no public address is needed.
  WECOM_BOT_ID: optional,
  WECOM_BOT_SECRET: optional,
  WECOM_WS_URL: blankAsUnset(
    z
      .string()
      .trim()
      .url()
      .refine((v) => /^wss?:\/\//.test(v), 'must start with wss:// or ws://')
      .default('wss://openws.work.weixin.qq.com'),
  ),
  /** Demo mode only: the simulator plays WeCom's WebSocket server and the bot uses the long connection. */
  DEMO_LONG_CONNECTION: onOff,
  OFFICE_USERIDS: z.string().default(''),
  APP_TIMEZONE: blankAsUnset(z.string().trim().default('Asia/Shanghai')),
  LOG_LEVEL: blankAsUnset(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  NOTIFY_CHANNEL: blankAsUnset(z.enum(['group', 'app']).default('group')),
  JOBS_ENABLED: blankAsUnset(z.enum(['true', 'false']).default('true')),
  UNIT_ANSWER_REVIEW: blankAsUnset(z.enum(['true', 'false']).default('true')),
  JOB_SCHEDULE_REMINDERS: optional,
  JOB_SCHEDULE_STUDY: optional,
  JOB_SCHEDULE_OVERDUE: optional,
  JOB_SCHEDULE_DIGEST: optional,
  JOB_SCHEDULE_CLEANUP: optional,
  JOB_SCHEDULE_COLOURS: optional,
  // Per-job on/off for operators; unset or empty keeps config/defaults.ts `jobs.<name>.enabled`.
  JOB_ENABLED_REMINDERS: onOff,
  JOB_ENABLED_STUDY: onOff,
  JOB_ENABLED_OVERDUE: onOff,
  JOB_ENABLED_DIGEST: onOff,
  JOB_ENABLED_CLEANUP: onOff,
  JOB_ENABLED_COLOURS: onOff,
  // Where people reach the office console (links from the bot, WeCom redirect_uri); default http://127.0.0.1:$PORT.
  // The site root only: the console's pages and redirects live at /console on that origin.
  CONSOLE_URL: optional.refine(
    (v) => v === undefined || /^https?:\/\/[^\s/?#]+\/?$/.test(v),
    'must be an http:// or https:// origin such as https://rd.example.gov.cn (no path)',
  ),
  METRICS_TOKEN: optional.refine((v) => v === undefined || v.length >= 16, 'must be at least 16 characters'),
  ASSIGN_DEADLINE_WORKDAYS: blankAsUnset(
    z.coerce.number().int().min(1).max(365).default(defaults.assignDeadlineWorkdays),
  ),
  // 三色预警: yellow within this many working days of the deadline; 督办 asked after this many red working days.
  WARN_WORKDAYS: blankAsUnset(z.coerce.number().int().min(1).max(30).default(defaults.warnWorkdays)),
  ESCALATE_WORKDAYS: blankAsUnset(z.coerce.number().int().min(1).max(60).default(defaults.escalateWorkdays)),
});

export interface WecomConfig {
  token: string;
  encodingAesKey: string;
  corpId?: string;
  botName?: string;
  webhookKey?: string;
  agentId?: number;
  corpSecret?: string;
  apiBase: string;
  /** Set when WECOM_BOT_ID and WECOM_BOT_SECRET are: the bot keeps a long connection to `url`. */
  longConnection?: LongConnectionConfig;
  /** Whether the callback mode's Token/EncodingAESKey were given (false: random throwaway keys). */
  callbackEnabled: boolean;
}

export interface LongConnectionConfig {
  botId: string;
  secret: string;
  /** In demo mode the composition root points it at the simulator once that listens. */
  url: string;
}

export interface Config {
  env: 'production' | 'development' | 'test';
  port: number;
  host: string;
  /** Proxy hops whose X-Forwarded-For entries are believed (0: none, the socket's address is the client). */
  trustProxy: number;
  mongodbUri?: string;
  dataDir: string;
  /** Exports land here by default (personal data: outside the source, git-ignored, the image's mounted folder). */
  filesDir: string;
  /** config/holidays/<year>.json: official arrangements a deployment ships as files. */
  holidaysDir: string;
  /** Throwaway credentials, local push sink and the chat simulator (never in production). */
  demo: boolean;
  wecom: WecomConfig;
  officeUserIds: string[];
  timezone: string;
  logLevel: string;
  notifyChannel: 'group' | 'app';
  jobsEnabled: boolean;
  jobSchedules: Record<keyof typeof defaults.jobs, string>;
  assignDeadlineWorkdays: number;
  /** 三色预警 (WARN_WORKDAYS, ESCALATE_WORKDAYS). */
  colours: { warnWorkdays: number; escalateWorkdays: number };
  /** A handling unit's answer goes to the office's review (审核) before the filer sees it; false: straight on. */
  unitAnswerReview: boolean;
  /** CONSOLE_URL without a trailing slash; undefined means this process's own address (known after listen). */
  consoleUrl?: string;
  /** Bearer token for GET /metrics; without it /metrics answers loopback clients only. */
  metricsToken?: string;
  /** Points per record for the optional 履职积分; undefined: off. */
  performanceScore?: ScoreWeights;
  categories: Record<string, string[]>;
  tunables: typeof defaults;
}

export class ConfigError extends Error {}

/** Every environment variable the bot reads (the compose file and .env.example may name no others). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

function validTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** A job's tunables with its on/off switch taken from the environment when set. */
function jobSwitch<K extends keyof typeof defaults.jobs>(
  name: K,
  env: 'true' | 'false' | undefined,
): (typeof defaults.jobs)[K] {
  return { ...defaults.jobs[name], enabled: env === undefined ? defaults.jobs[name].enabled : env === 'true' };
}

/** Validates the environment once at start; the error names the variable and never echoes a value. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration: ${lines.join('; ')}`);
  }
  const e = parsed.data;
  if (!validTimezone(e.APP_TIMEZONE)) throw new ConfigError('invalid configuration: APP_TIMEZONE: unknown time zone');
  const production = e.NODE_ENV === 'production';
  const hasCredentials = Boolean(e.WECOM_TOKEN && e.WECOM_ENCODING_AES_KEY);
  if (Boolean(e.WECOM_BOT_ID) !== Boolean(e.WECOM_BOT_SECRET)) {
    throw new ConfigError(
      `invalid configuration: ${e.WECOM_BOT_ID ? 'WECOM_BOT_SECRET' : 'WECOM_BOT_ID'} is missing: the long connection needs both WECOM_BOT_ID and WECOM_BOT_SECRET`,
    );
  }
  const hasLongConnection = Boolean(e.WECOM_BOT_ID && e.WECOM_BOT_SECRET);
  if (!hasCredentials && !hasLongConnection && production) {
    throw new ConfigError(
      'invalid configuration: production needs WECOM_TOKEN and WECOM_ENCODING_AES_KEY (callback mode) or WECOM_BOT_ID and WECOM_BOT_SECRET (long connection)',
    );
  }
  if (production && !e.MONGODB_URI) {
    // The embedded database is a development convenience: its data would live inside the container.
    throw new ConfigError('invalid configuration: MONGODB_URI is required in production');
  }
  if (Boolean(e.WECOM_TOKEN) !== Boolean(e.WECOM_ENCODING_AES_KEY)) {
    throw new ConfigError(
      'invalid configuration: set both WECOM_TOKEN and WECOM_ENCODING_AES_KEY, or neither (demo mode)',
    );
  }
  if (Boolean(e.WECOM_AGENT_ID) !== Boolean(e.WECOM_CORP_SECRET)) {
    throw new ConfigError('invalid configuration: set both WECOM_AGENT_ID and WECOM_CORP_SECRET, or neither');
  }
  if (e.WECOM_CORP_SECRET && !e.WECOM_CORP_ID) {
    throw new ConfigError('invalid configuration: WECOM_CORP_ID is required with WECOM_CORP_SECRET');
  }
  if (e.NOTIFY_CHANNEL === 'app' && !e.WECOM_CORP_SECRET) {
    throw new ConfigError('invalid configuration: NOTIFY_CHANNEL=app needs WECOM_AGENT_ID and WECOM_CORP_SECRET');
  }
  const demo = !hasCredentials && !hasLongConnection;
  if (e.DEMO_LONG_CONNECTION === 'true' && !demo) {
    throw new ConfigError(
      'invalid configuration: DEMO_LONG_CONNECTION is for demo mode only (no WeCom credentials set)',
    );
  }
  // Demo mode's long connection dials the simulator, whose address the composition root fills in.
  const longConnection = hasLongConnection
    ? { botId: e.WECOM_BOT_ID as string, secret: e.WECOM_BOT_SECRET as string, url: e.WECOM_WS_URL }
    : demo && e.DEMO_LONG_CONNECTION === 'true'
      ? { botId: 'demo-bot', secret: randomBytes(12).toString('hex'), url: e.WECOM_WS_URL }
      : undefined;
  const score = e.PERFORMANCE_SCORE === undefined ? undefined : parseScoreFormula(e.PERFORMANCE_SCORE);
  if (score && 'problem' in score) throw new ConfigError(`invalid configuration: PERFORMANCE_SCORE: ${score.problem}`);
  const schedules = {
    reminders: e.JOB_SCHEDULE_REMINDERS ?? defaults.jobs.reminders.schedule,
    study: e.JOB_SCHEDULE_STUDY ?? defaults.jobs.study.schedule,
    overdue: e.JOB_SCHEDULE_OVERDUE ?? defaults.jobs.overdue.schedule,
    digest: e.JOB_SCHEDULE_DIGEST ?? defaults.jobs.digest.schedule,
    cleanup: e.JOB_SCHEDULE_CLEANUP ?? defaults.jobs.cleanup.schedule,
    colours: e.JOB_SCHEDULE_COLOURS ?? defaults.jobs.colours.schedule,
  };
  return {
    env: production ? 'production' : e.NODE_ENV === 'test' ? 'test' : 'development',
    port: e.PORT,
    // Demo mode hands its throwaway keys to the simulator page: keep it on loopback unless asked.
    host: e.HOST ?? (demo ? '127.0.0.1' : '0.0.0.0'),
    trustProxy: e.TRUST_PROXY,
    mongodbUri: e.MONGODB_URI,
    dataDir: e.DATA_DIR,
    filesDir: e.FILES_DIR,
    holidaysDir: e.HOLIDAYS_DIR,
    demo,
    wecom: {
      token: e.WECOM_TOKEN ?? randomBytes(12).toString('hex'),
      // 32 random bytes → 44 base64 chars with one '=': the key is the first 43.
      encodingAesKey: e.WECOM_ENCODING_AES_KEY ?? randomBytes(32).toString('base64').slice(0, 43),
      corpId: e.WECOM_CORP_ID ?? (demo ? 'demo-corp' : undefined),
      botName: e.WECOM_BOT_NAME,
      // The long-connection demo pushes through aibot_send_msg to the simulator instead of a webhook.
      webhookKey: e.WECOM_WEBHOOK_KEY ?? (demo && !longConnection ? 'demo-webhook' : undefined),
      agentId: e.WECOM_AGENT_ID ? Number(e.WECOM_AGENT_ID) : undefined,
      corpSecret: e.WECOM_CORP_SECRET,
      apiBase: e.WECOM_API_BASE.replace(/\/+$/, ''),
      longConnection,
      callbackEnabled: hasCredentials || demo,
    },
    officeUserIds: e.OFFICE_USERIDS.split(/[,，\s]+/)
      .map((s) => s.trim())
      .filter(Boolean),
    timezone: e.APP_TIMEZONE,
    logLevel: e.LOG_LEVEL,
    notifyChannel: e.NOTIFY_CHANNEL,
    jobsEnabled: e.JOBS_ENABLED === 'true',
    jobSchedules: schedules,
    assignDeadlineWorkdays: e.ASSIGN_DEADLINE_WORKDAYS,
    colours: { warnWorkdays: e.WARN_WORKDAYS, escalateWorkdays: e.ESCALATE_WORKDAYS },
    unitAnswerReview: e.UNIT_ANSWER_REVIEW === 'true',
    consoleUrl: e.CONSOLE_URL?.replace(/\/+$/, ''),
    metricsToken: e.METRICS_TOKEN,
    performanceScore: score,
    categories: categoryKeywords,
    tunables: {
      ...defaults,
      // Demo mode's fake WeCom serves photos from this process on loopback http.
      photos: { ...defaults.photos, allowLoopbackHttp: demo && !production },
      jobs: {
        reminders: jobSwitch('reminders', e.JOB_ENABLED_REMINDERS),
        study: jobSwitch('study', e.JOB_ENABLED_STUDY),
        overdue: jobSwitch('overdue', e.JOB_ENABLED_OVERDUE),
        digest: jobSwitch('digest', e.JOB_ENABLED_DIGEST),
        cleanup: jobSwitch('cleanup', e.JOB_ENABLED_CLEANUP),
        colours: jobSwitch('colours', e.JOB_ENABLED_COLOURS),
      },
    },
  };
}
