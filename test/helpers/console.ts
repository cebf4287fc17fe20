import type { Harness } from './harness';

export interface ConsoleClient {
  cookie: string;
  csrf: string;
  get(path: string): ReturnType<Harness['request']['get']>;
  post(path: string, body?: unknown, o?: { csrf?: string | null }): ReturnType<Harness['request']['post']>;
}

export const LINK = /\/console\/login\/[A-Za-z0-9_-]{43}/;

/** The session cookie (name=value) a response sets, if any. */
export function sessionCookie(res: { headers: Record<string, unknown> }): string | undefined {
  const all = (res.headers['set-cookie'] as string[] | undefined) ?? [];
  const line = all.find((c) => c.startsWith('console_sid=') && !c.startsWith('console_sid=;'));
  return line?.split(';')[0];
}

/** A client holding the cookie and CSRF token of a session. */
export async function clientFor(h: Harness, cookie: string): Promise<ConsoleClient> {
  const session = await h.request.get('/api/console/session').set('Cookie', cookie);
  if (session.status !== 200) throw new Error(`session answered ${session.status}`);
  const csrf = String(session.body.csrfToken);
  return {
    cookie,
    csrf,
    get: (path) => h.request.get(path).set('Cookie', cookie),
    post: (path, body, o = {}) => {
      const req = h.request.post(path).set('Cookie', cookie);
      const token = o.csrf === undefined ? csrf : o.csrf;
      if (token !== null) req.set('X-CSRF-Token', token);
      return body === undefined ? req : req.send(body as object);
    },
  };
}

/** Opens a sign-in link as a browser does: the confirm page (GET), then its form's POST, which spends the link. */
export async function openLink(h: Pick<Harness, 'request'>, path: string, o: { ip?: string } = {}) {
  const get = h.request.get(path);
  if (o.ip) get.set('X-Forwarded-For', o.ip);
  const page = await get;
  if (page.status !== 200) return page;
  const token = /name="token" value="([A-Za-z0-9_-]{43})"/.exec(page.text)?.[1] ?? '';
  const post = h.request.post('/console/login').set('Host', 'console.example').set('Origin', 'http://console.example');
  if (o.ip) post.set('X-Forwarded-For', o.ip);
  return post.type('form').send({ token });
}

/** Signs in the way a person does: `登录` to the bot one-to-one, then the link from the reply. */
export async function signIn(h: Harness, userid: string): Promise<ConsoleClient> {
  const reply = await h.say(userid, '登录', { chattype: 'single' });
  const path = LINK.exec(reply)?.[0];
  if (!path) throw new Error(`no link in the reply: ${reply}`);
  const res = await openLink(h, path);
  const cookie = sessionCookie(res);
  if (res.status !== 303 || !cookie) throw new Error(`sign-in answered ${res.status} ${String(res.headers.location)}`);
  return clientFor(h, cookie);
}
