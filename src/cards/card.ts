import { randomBytes } from 'node:crypto';

// Our own template card (模板卡片), free of any channel's JSON: handlers and notices build it, each transport
// renders it (src/wecom/card-json.ts), and channels without clicks show the text that goes with it.

/** WeCom's button styles: 1 blue, 2 grey, 3 red, 4 green-ish (the clients differ; 1 and 2 are safe). */
export type ButtonStyle = 1 | 2 | 3 | 4;

export interface CardButton {
  text: string;
  /** What the tap means, see `tapKey`. */
  key: string;
  style?: ButtonStyle;
}

export interface CardOption {
  id: string;
  text: string;
}

/** One dropdown (multiple_interaction) or the vote box's question (vote_interaction). */
export interface CardQuestion {
  key: string;
  title: string;
  options: CardOption[];
  /** Pre-selected option id. */
  selected?: string;
  /** A vote box where several options may be ticked (WeCom's checkbox mode 1). */
  multiple?: boolean;
}

/** A fact shown as one line of the card (horizontal_content_list: at most 6). */
export interface CardLine {
  label: string;
  value: string;
}

interface CardBase {
  taskId: string;
  title: string;
  desc?: string;
  /** The longer text under the title (sub_title_text). */
  text?: string;
  lines?: CardLine[];
}

export type Card =
  | (CardBase & { type: 'buttons'; buttons: CardButton[] })
  | (CardBase & { type: 'vote'; question: CardQuestion; submit: CardButton })
  | (CardBase & { type: 'selects'; questions: CardQuestion[]; submit: CardButton });

/** What an interactive reply carries: the card and the text shown where cards are not (webhook, late replies). */
export interface CardReply {
  text: string;
  card: Card;
}

/**
 * A task id (WeCom: unique per bot, ≤ 128 bytes, only `[0-9A-Za-z_-@]`) names its subject and is never
 * reused: `c_<subject>_<ms in base 36>_<12 random hex>`. The subject (a record code such as HY2026-003, or
 * a word such as `help`) is what a tap acts on, so nothing has to be stored when a card goes out (a card from
 * a read-only command writes nothing).
 */
export function newTaskId(subject: string, now: Date): string {
  if (!SUBJECT.test(subject)) throw new Error(`card subject ${subject} has characters WeCom refuses in a task id`);
  return `c_${subject}_${now.getTime().toString(36)}_${randomBytes(6).toString('hex')}`;
}

const SUBJECT = /^[0-9A-Za-z@-]{1,64}$/;
const TASK_ID = /^c_([0-9A-Za-z@-]{1,64})_[0-9a-z]{1,12}_[0-9a-f]{12}$/;

/** The subject of a task id we issued; undefined for any other. */
export function subjectOf(taskId: string): string | undefined {
  return TASK_ID.exec(taskId)?.[1];
}

/** The task id rules WeCom states, checked on every card we render. */
export function isValidTaskId(taskId: string): boolean {
  return /^[0-9A-Za-z_\-@]+$/.test(taskId) && Buffer.byteLength(taskId) <= 128;
}

/**
 * A button's key: the action, an optional argument (a code on a list card, a reason) and the card's step.
 * The step grows with every update, so a tap on the updated card is a new tap while a double tap on the same
 * card is the same one (the inbox keeps one record and gives the same update).
 */
export function tapKey(action: string, step: number, arg?: string): string {
  return `${action}${arg === undefined ? '' : `.${arg}`}~${step}`;
}

export interface ParsedKey {
  action: string;
  arg?: string;
  step: number;
}

const KEY = /^([a-z][a-z-]{0,31})(?:\.([^~]{1,128}))?~(\d{1,6})$/;

export function parseTapKey(key: string): ParsedKey | undefined {
  const m = KEY.exec(key);
  if (!m) return undefined;
  return { action: m[1]!, ...(m[2] === undefined ? {} : { arg: m[2] }), step: Number(m[3]) };
}
