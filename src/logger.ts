import pino, { type Logger } from 'pino';

/** Paths that could ever carry a secret; pino replaces them before anything is written. */
const REDACT = [
  'token',
  'encodingAesKey',
  'webhookKey',
  'corpSecret',
  'secret',
  'config.wecom',
  'wecom',
  'headers.authorization',
  'headers.cookie',
  'req.headers.cookie',
  'cookie',
  'csrfToken',
  '*.csrfToken',
  'sessionToken',
  '*.sessionToken',
  'url',
  'req.url',
  '*.token',
  '*.encodingAesKey',
  '*.webhookKey',
  '*.corpSecret',
  '*.secret',
  '*.access_token',
];

// WeCom URLs carry secrets in their query: the webhook key, the corp secret, tokens, signatures.
const SECRET_QUERY = /([?&](?:key|corpsecret|access_token|response_code|msg_signature|echostr)=)[^&\s"'<>]*/gi;

/** Replaces secret query values in any URL inside s (an error message, a stack). */
export function scrubSecrets(s: string): string {
  return s.replace(SECRET_QUERY, '$1[redacted]');
}

function scrubDeep(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return scrubSecrets(value);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubDeep(v, depth + 1)]));
}

/** Errors from libraries (fetch, the driver) may quote a URL: serialise as usual, then scrub every string. */
function serializeError(err: unknown): unknown {
  return scrubDeep(err instanceof Error ? pino.stdSerializers.err(err) : err, 0);
}

export function createLogger(opts: { level: string; destination?: pino.DestinationStream }): Logger {
  return pino(
    {
      level: opts.level,
      base: undefined,
      redact: { paths: REDACT, censor: '[redacted]' },
      serializers: { err: serializeError },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    opts.destination,
  );
}

export type { Logger };
