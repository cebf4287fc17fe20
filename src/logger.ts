import pino, { type Logger } from 'pino';

/** Paths that could ever carry a secret; pino replaces them before anything is written. */
const REDACT = [
  'token',
  'encodingAesKey',
  'webhookKey',
  'corpSecret',
  'config.wecom',
  'wecom',
  'headers.authorization',
  'url',
  'req.url',
  '*.token',
  '*.encodingAesKey',
  '*.webhookKey',
  '*.corpSecret',
  '*.access_token',
];

export function createLogger(opts: { level: string; destination?: pino.DestinationStream }): Logger {
  return pino({ level: opts.level, base: undefined, redact: { paths: REDACT, censor: '[redacted]' }, timestamp: pino.stdTimeFunctions.isoTime }, opts.destination);
}

export type { Logger };
