import type { Config } from '../../config';
import { type CardReply, parseTapKey, subjectOf } from '../cards';
import type { Services } from '../services';
import type { Actor, ServiceName } from './types';

// The card door's contract: a tap on a card button is an entry of one table (handlers/index.ts, `cardTaps`),
// found by the card's subject kind and the button's action, that calls the same use case as the typed command.

/** What a card is about: a record's code prefix, or a word for cards about no one record. */
export type CardSubjectKind = 'HY' | 'HD' | 'YJ' | 'XX' | 'PJ' | 'help' | 'overdue';

export interface CardTapContext {
  actor: Actor;
  /** The card's subject: a record code (HY2026-003), or the word itself. */
  subject: string;
  /** The key's argument: a reason's number, a case's code on a list card. */
  arg?: string;
  /** Chosen options by question key (vote boxes and dropdowns). */
  selected: Record<string, string[]>;
  taskId: string;
  /** The step of the updated card (the tapped card's step + 1): its buttons carry it. */
  step: number;
  /** The tap's inbox id: the idempotency key for anything it creates. */
  msgId: string;
  chat: { type: 'group' | 'single'; id?: string };
  via: 'card';
  now: Date;
  services: Services;
  config: Config;
}

export interface CardTap {
  on: CardSubjectKind;
  /** The button key's action word. */
  action: string;
  role: 'deputy' | 'office';
  /** The typed command it stands for: the operation log names the tap after it. */
  command: string;
  /**
   * The ticked options are a secret choice (a ballot's): the tap's inbox id, stored beside the tapper, leaves them
   * out, so a double tap with other boxes ticked is the same tap.
   */
  secret?: boolean;
  uses: readonly ServiceName[];
  run(ctx: CardTapContext): Promise<CardReply>;
}

export interface CardTapDefinition<U extends ServiceName> extends Omit<CardTap, 'uses' | 'run'> {
  uses: readonly U[];
  run(ctx: Omit<CardTapContext, 'services'> & { services: Pick<Services, U> }): Promise<CardReply>;
}

/** Declares a tap: `run` sees only the services it names (checked by the compiler). */
export function defineCardTap<const U extends ServiceName = never>(c: CardTapDefinition<U>): CardTap {
  return c as unknown as CardTap;
}

export interface CardTapTable {
  find(on: CardSubjectKind, action: string): CardTap | undefined;
  /**
   * Whether a tap's ticked options may not join its identity: its entry is secret, or no entry takes it (a tap
   * that acts on nothing has no choice worth keeping apart).
   */
  isSecret(tap: { taskId: string; eventKey: string }): boolean;
}

/** The table by subject kind and action; the same pair twice fails at start-up. */
export function createCardTapTable(taps: readonly CardTap[]): CardTapTable {
  const byKey = new Map<string, CardTap>();
  for (const tap of taps) {
    const key = `${tap.on}:${tap.action}`;
    if (byKey.has(key)) throw new Error(`card tap ${key} is declared twice`);
    byKey.set(key, tap);
  }
  const find = (on: CardSubjectKind, action: string) => byKey.get(`${on}:${action}`);
  function isSecret(tap: { taskId: string; eventKey: string }): boolean {
    const subject = subjectOf(tap.taskId);
    const kind = subject === undefined ? undefined : subjectKindOf(subject);
    const action = parseTapKey(tap.eventKey)?.action;
    const entry = kind && action ? find(kind, action) : undefined;
    return entry === undefined || entry.secret === true;
  }
  return { find, isSecret };
}

const CODE = /^(HY|HD|YJ|XX|PJ)\d{4}-\d{1,6}$/;
const WORDS: readonly CardSubjectKind[] = ['help', 'overdue'];

/** The kind of a card subject; undefined for one no card of ours has. */
export function subjectKindOf(subject: string): CardSubjectKind | undefined {
  const code = CODE.exec(subject);
  if (code) return code[1] as CardSubjectKind;
  return WORDS.find((w) => w === subject);
}
