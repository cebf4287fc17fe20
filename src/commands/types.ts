import type { Config } from '../../config';
import type { Services } from '../services';
import type { Actor } from '../services/roster';

export type { Actor };

export interface CommandContext {
  actor: Actor;
  /** The text after the command word: spaces normalised, the user's own punctuation kept. */
  args: string;
  /** The name or alias the user typed (for echoing back). */
  invokedAs: string;
  /** The inbound message id: the idempotency key for anything this command creates. */
  msgId: string;
  /** Where the reply is read: a reply in a group chat is seen by every member of the group. */
  chat: { type: 'group' | 'single' };
  now: Date;
  services: Services;
  config: Config;
}

/** One command: an entry of the table in handlers/index.ts. It returns its reply. */
export interface Command {
  name: string;
  aliases?: string[];
  /** 'deputy': anyone on the roster (office staff included); 'office': office staff only. */
  role: 'deputy' | 'office';
  /** One line for 帮助, and an example the user can copy. */
  summary: string;
  example: string;
  run(ctx: CommandContext): Promise<string>;
}
