// The simulator page's shared state and small helpers (browser code). The page's scripts are classic scripts
// inlined into one <script> in this order: cards, page-state, markdown, chat-log, transport, outgoing, senders,
// group-pane, simulator (src/demo/assets.ts); a top-level name here is shared with the others, and only
// simulator.ts runs anything when loaded.

interface Person {
  userid: string;
  name: string;
  isOffice: boolean;
  group?: string | null;
}
interface Session {
  token: string;
  encodingAesKey: string;
  botName: string;
  timezone: string;
  chatid: string;
  aibotid: string;
  commands: Array<{ name: string; example: string; role: 'deputy' | 'office' }>;
  /** How messages reach the bot: signed callbacks, or frames through the long-connection simulator. */
  transport?: 'callback' | 'long-connection';
}
type Mode = 'group' | 'single' | 'voice';
type Pane = 'chat' | 'group';

const state: {
  session: Session | null;
  keys: WecomKeys | null;
  people: Person[];
  names: Record<string, string>;
  cursor: number;
  mode: Mode;
  polling: boolean;
  unread: number;
  pane: Pane;
} = {
  session: null,
  keys: null,
  people: [],
  names: {},
  cursor: 0,
  mode: 'group',
  polling: false,
  unread: 0,
  pane: 'chat',
};
const STRANGER: Person = { userid: 'stranger-demo', name: '陌生人（不在名单）', isOffice: false };

function $<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is missing from the page`);
  return found as T;
}
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  cls?: string | null,
  text?: string | null,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = text;
  return e;
}
function wait(ms: number): Promise<void> {
  return new Promise(function (r) {
    setTimeout(r, ms);
  });
}
function clock(d: Date): string {
  return d.toLocaleTimeString('zh-CN', {
    hour12: false,
    timeZone: (state.session && state.session.timezone) || undefined,
  });
}
function randomHex(n: number): string {
  const b = new Uint8Array(n);
  crypto.getRandomValues(b);
  return Array.from(b, function (x) {
    return x.toString(16).padStart(2, '0');
  }).join('');
}
function newNonce(): string {
  return String(1000000000 + Math.floor(Math.random() * 8999999999));
}
async function getJson<T>(path: string): Promise<T> {
  const r = await fetch(path, { cache: 'no-store' });
  if (!r.ok) throw new Error(path + ' 返回 HTTP ' + r.status);
  return (await r.json()) as T;
}

function session(): Session {
  if (!state.session) throw new Error('no session yet');
  return state.session;
}
function keys(): WecomKeys {
  if (!state.keys) throw new Error('no keys yet');
  return state.keys;
}
function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
