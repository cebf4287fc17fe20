// Shapes every part of the console API shares. Instants travel as ISO strings (JSON.stringify of a Date).

/** An instant on the wire: an ISO 8601 string such as `2026-12-05T06:30:00.000Z`. */
export type Instant = string;
/** A calendar day in the deployment's zone: `YYYY-MM-DD`. */
export type Day = string;

/**
 * What the server may hand to `ctx.body` for a contract type: the same fields, with a Date wherever the
 * contract has a string (JSON.stringify turns it into the ISO string the page reads).
 */
export type Sendable<T> = T extends string
  ? T | Date
  : T extends number | boolean | null | undefined
    ? T
    : T extends readonly (infer U)[]
      ? readonly Sendable<U>[]
      : { [K in keyof T]: Sendable<T[K]> };

/** Every refusal: `message` is Chinese and ready to show; `fields` names the form fields it belongs to. */
export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

export interface Person {
  userid: string;
  name: string;
}

/** A page of a long list. */
export interface Paged<T> {
  total: number;
  page: number;
  pageSize: number;
  items: T[];
}

/** A write the page only needs to know went through. */
export interface Ok {
  ok: true;
}

/** A unit contact (承办单位联系人) signs in as 'unit': their unit's cases only. */
export type Role = 'office' | 'deputy' | 'unit';

/** GET /session: who is signed in, and the token every write sends back. */
export interface SessionInfo {
  user: { userid: string; name: string; role: Role };
  csrfToken: string;
  demo: boolean;
}

/** GET /login-options: how this deployment lets people sign in. */
export interface SignInOptions {
  wecom: boolean;
  demo: boolean;
}
