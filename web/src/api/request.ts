import type { ErrorBody } from '@contracts';
import { session } from '../session';

// The one request wrapper: every call of the console API goes through here (web/src/api/<domain>.ts build the
// paths), and every refusal comes out as an ApiError that pages read only through the helpers below.

/** An API refusal: `message` is Chinese and ready to show; `fields` holds form errors by field name. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    /** The whole error object, for the rare refusal that carries more (a roster import's plan). */
    readonly body: ErrorBody['error'] | undefined = undefined,
  ) {
    super(message);
  }
}

const BASE = '/api/console';

type QueryValue = string | number | boolean | undefined | null;

/** Query strings from filter objects: empty values are left out so URLs stay short. */
export function queryString(params: object): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params) as Array<[string, QueryValue]>)
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** A path segment from a code or id the user may have typed. */
export const seg = (s: string) => encodeURIComponent(s);

async function request<T>(method: string, path: string, body?: unknown, raw?: Blob): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (raw) headers['content-type'] = 'application/octet-stream';
  else if (body !== undefined) headers['content-type'] = 'application/json';
  // Every write carries the session's CSRF token (the server refuses writes without it).
  if (method !== 'GET' && session.info) headers['x-csrf-token'] = session.info.csrfToken;
  let res: Response;
  try {
    res = await fetch(BASE + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
  } catch {
    throw new ApiError(0, 'network', '网络连接失败，请检查网络后重试');
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const err = (data as Partial<ErrorBody> | undefined)?.error;
    if (res.status === 401) session.signedOut();
    throw new ApiError(
      res.status,
      err?.code ?? String(res.status),
      err?.message ?? fallbackMessage(res.status),
      err?.fields ?? {},
      err,
    );
  }
  return data as T;
}

function fallbackMessage(status: number): string {
  if (status === 401) return '登录已过期，请重新登录';
  if (status === 403) return '没有权限进行此操作';
  if (status === 404) return '没有找到';
  if (status === 409) return '内容刚被他人更新，已重新载入，请查看后再操作';
  if (status === 429) return '操作太频繁，请稍后再试';
  return '服务器出错了，请稍后重试';
}

export const http = {
  get: <T>(path: string, query: object = {}) => request<T>('GET', path + queryString(query)),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  /** A file as the raw body (the same bytes a command-line tool would read). */
  upload: <T>(path: string, file: Blob, query: object = {}) =>
    request<T>('POST', path + queryString(query), undefined, file),
  /** A picture the server may have nothing for: null on 204; any other failure is an ApiError. */
  image: async (path: string): Promise<Blob | null> => {
    let res: Response;
    try {
      res = await fetch(BASE + path, { credentials: 'same-origin' });
    } catch {
      throw new ApiError(0, 'network', '网络连接失败，请检查网络后重试');
    }
    if (res.status === 204) return null;
    if (!res.ok) throw new ApiError(res.status, String(res.status), fallbackMessage(res.status));
    return res.blob();
  },
  /** A download or image URL (same origin, the session cookie goes along). */
  url: (path: string, query: object = {}) => BASE + path + queryString(query),
};

// -- reading a failure: what pages and forms use instead of looking at ApiError themselves

/** The sentence to show for any failure. */
export const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** The form errors by field name (empty when the refusal is not about a field). */
export const fieldErrors = (err: unknown): Record<string, string> => (err instanceof ApiError ? err.fields : {});

/** Someone changed the record meanwhile (409): the page reloads it. */
export const isConflict = (err: unknown): boolean => err instanceof ApiError && err.status === 409;

/** The session is gone (401). */
export const isSignedOut = (err: unknown): boolean => err instanceof ApiError && err.status === 401;

/** The error body's extra part, if the refusal carried one (e.g. `plan`). */
export function errorDetail<T>(err: unknown, key: string): T | undefined {
  return err instanceof ApiError
    ? ((err.body as Record<string, unknown> | undefined)?.[key] as T | undefined)
    : undefined;
}
