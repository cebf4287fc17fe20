import type { Context } from 'koa';
import type { Logger } from 'pino';
import { z } from 'zod';
import { t } from '../messages';
import { consoleFieldLabels } from '../messages/console';
import { isRefusal, type Refusal, type RefusalCode } from '../refusals';
import { type ConsoleRendering, renderForConsole } from './refusals';

/** An answer the console API gives on purpose: status, stable code, Chinese message, and form fields. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code:
      | 'invalid'
      | 'refused'
      | 'not_signed_in'
      | 'forbidden'
      | 'csrf'
      | 'not_found'
      | 'conflict'
      | 'rate_limited'
      | RefusalCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notSignedIn = () => new ApiError(401, 'not_signed_in', t('apiNotSignedIn'));
export const forbidden = () => new ApiError(403, 'forbidden', t('apiForbidden'));
export const notFound = () => new ApiError(404, 'not_found', t('apiNotFound'));

const label = (field: string) => consoleFieldLabels[field] ?? field;

/** A query parameter: the first value when repeated; empty means absent. */
export const queryParam = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => ((Array.isArray(v) ? v[0] : v) === '' ? undefined : Array.isArray(v) ? v[0] : v), schema);

/** One zod issue as a Chinese sentence naming the field. */
function describe(issue: z.core.$ZodIssue, field: string): string {
  const l = label(field);
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null
        ? t('formRequired', { label: l })
        : issue.expected === 'number' || issue.expected === 'int'
          ? t('formNumber', { label: l })
          : t('formBad', { label: l });
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 ? t('formRequired', { label: l }) : t('formBad', { label: l });
      if (issue.origin === 'array' || issue.origin === 'set')
        return t('formTooFew', { label: l, min: Number(issue.minimum) });
      return t('formRange', { label: l, min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('formTooLong', { label: l, max: Number(issue.maximum) });
      if (issue.origin === 'array' || issue.origin === 'set')
        return t('formTooMany', { label: l, max: Number(issue.maximum) });
      return t('formRange', { label: l, max: Number(issue.maximum) });
    case 'invalid_value':
      return t('formChoice', { label: l, options: issue.values.map(String).join('、') });
    case 'invalid_format':
      return t('formDate', { label: l });
    case 'custom':
      return issue.message;
    default:
      return t('formBad', { label: l });
  }
}

/** Validates input; a failure is a 400 with a Chinese sentence per field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const fields: Record<string, string> = {};
  for (const issue of r.error.issues) {
    const field = issue.code === 'unrecognized_keys' ? issue.keys.join(',') : String(issue.path[0] ?? 'body');
    fields[field] ??= describe(issue, field);
  }
  return invalid(fields);
}

export function invalid(fields: Record<string, string>): never {
  throw new ApiError(400, 'invalid', t('apiInvalid', { fields: Object.values(fields) }), fields);
}

/** A service's refusal as the API says it (404 / 409 / 403 / 422 with its code, the message on its field). */
export function fromRefusal(err: Refusal, c: ConsoleRendering, rename?: Record<string, string>): ApiError {
  const r = renderForConsole(err, c, rename);
  return new ApiError(r.status, r.code, r.message, r.fields);
}

/** The console API's one catch point: expected answers become JSON, anything else is logged and a generic 500. */
export function answerError(ctx: Context, err: unknown, log: Logger, c: ConsoleRendering): void {
  const e = isRefusal(err) ? fromRefusal(err, c) : err;
  if (e instanceof ApiError) {
    ctx.status = e.status;
    ctx.body = { error: { code: e.code, message: e.message, ...(e.fields ? { fields: e.fields } : {}) } };
    ctx.state.reason = e.code;
    return;
  }
  log.error({ err, path: ctx.state.logPath ?? ctx.path }, 'console request failed');
  ctx.status = 500;
  ctx.body = { error: { code: 'internal', message: t('apiInternal') } };
}
