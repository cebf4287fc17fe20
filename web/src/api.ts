import { session } from './session';

/** An API refusal: `message` is Chinese and ready to show; `fields` holds form errors by field name. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

const BASE = '/api/console';

/** Query strings from filter objects: empty values are left out so URLs stay short. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  // Every write carries the session's CSRF token (the server refuses writes without it).
  if (method !== 'GET' && session.info) headers['x-csrf-token'] = session.info.csrfToken;
  let res: Response;
  try {
    res = await fetch(BASE + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', '网络连接失败，请检查网络后重试');
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string; fields?: Record<string, string> } } | undefined)
      ?.error;
    if (res.status === 401) session.signedOut();
    throw new ApiError(
      res.status,
      err?.code ?? String(res.status),
      err?.message ?? fallbackMessage(res.status),
      err?.fields ?? {},
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

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  /** A download URL (same origin, the session cookie goes along). */
  url: (path: string) => BASE + path,
};
