import { PushError } from '../services/delivery';

/** A failed WeCom API call; the outbox sender reads `retryable` / `retryAfterMs` from PushError. */
export class WecomApiError extends PushError {}

/** WeCom's JSON answer: errcode 0 (or none) for success, and the call's own fields. */
export type Answer = { errcode?: number; errmsg?: string } & Record<string, unknown>;

const RATE_LIMITED = 45009;
const INVALID_WEBHOOK = 93000;
/** The access token lapsed or was revoked: fetch a fresh one and call once more. */
export const TOKEN_EXPIRED = new Set([40014, 42001]);
// Errors that retrying cannot fix: bad key, bad agent, IP not trusted, bad secret.
const PERMANENT = new Set([INVALID_WEBHOOK, 40001, 40013, 40056, 60020, 301002, 81013]);

/** Throws the answer's error, retryable or not, as the outbox should treat it. */
export function checkAnswer(json: { errcode?: number; errmsg?: string }, what: string): void {
  const code = json.errcode ?? 0;
  if (code === 0) return;
  const msg = `${what}: ${String(json.errmsg ?? '').slice(0, 200)}`;
  // WeCom counts a sliding minute: try again a whole minute later.
  if (code === RATE_LIMITED) throw new WecomApiError(code, msg, true, 61_000);
  throw new WecomApiError(code, msg, !PERMANENT.has(code));
}

export interface ApiCaller {
  /** A JSON call: GET without a body, else POST of the body as JSON. */
  call(url: string, body: unknown, what: string): Promise<Answer>;
  /** Any request whose answer is JSON (a multipart upload). */
  request(url: string, init: RequestInit, what: string): Promise<Answer>;
}

/** HTTP to WeCom within a timeout; a transport failure or a non-JSON answer is a retryable WecomApiError. */
export function createApiCaller(doFetch: typeof fetch, timeoutMs: number): ApiCaller {
  async function request(url: string, init: RequestInit, what: string): Promise<Answer> {
    let res: Response;
    try {
      res = await doFetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      // A timeout may have reached WeCom; anything else failed before it did.
      const name = (err as Error).name;
      throw new WecomApiError(undefined, `${what}: ${name}`, true, undefined, name === 'TimeoutError');
    }
    if (!res.ok) throw new WecomApiError(undefined, `${what}: HTTP ${res.status}`, true, undefined, false);
    try {
      return (await res.json()) as Answer;
    } catch {
      throw new WecomApiError(undefined, `${what}: answer is not JSON`, true);
    }
  }

  return {
    request,
    call(url, body, what) {
      return request(
        url,
        body === undefined
          ? { method: 'GET' }
          : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
        what,
      );
    },
  };
}
