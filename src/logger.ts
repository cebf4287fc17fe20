import pino, { type Logger } from 'pino';

/**
 * Field names that could ever carry a secret. A field of that name is replaced on the line itself and in the plain
 * objects it holds, two levels down (`client.corpSecret`, `req.headers.cookie`), before anything is written.
 */
const SECRET_FIELDS = new Set([
  'token',
  'encodingAesKey',
  'webhookKey',
  'corpSecret',
  'secret',
  'wecom',
  'authorization',
  'cookie',
  'csrfToken',
  'sessionToken',
  'access_token',
  'url',
]);
const CENSOR = '[redacted]';
const REDACT_DEPTH = 2;

const isPlain = (v: unknown): v is Record<string, unknown> => {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * The line with its secret fields replaced; the same object when it has none (the common case costs a few key
 * lookups: pino's path-based redaction copied and walked every line, a tenth of a read command's CPU). Only plain
 * objects are walked and copied: an Error keeps its prototype for the `err` serializer, which scrubs its text.
 */
export function redactFields<T>(value: T, depth = 0): T {
  if (!isPlain(value)) return value;
  let copy: Record<string, unknown> | undefined;
  for (const key in value) {
    const v = value[key];
    const next = SECRET_FIELDS.has(key) ? CENSOR : depth < REDACT_DEPTH ? redactFields(v, depth + 1) : v;
    if (next !== v) (copy ??= { ...value })[key] = next;
  }
  return (copy ?? value) as T;
}

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
  const log = pino(
    {
      level: opts.level,
      base: undefined,
      formatters: { log: redactFields },
      serializers: { err: serializeError },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    opts.destination,
  );
  // pino formats a child's bindings without the log formatter: they are redacted on the way in. Children are made
  // from their parent (Object.create), so grandchildren inherit this too.
  const child = log.child;
  log.child = function (this: Logger, bindings, options) {
    return child.call(this, redactFields(bindings), options);
  } as Logger['child'];
  return log;
}

export type { Logger };
