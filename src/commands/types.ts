import type { Config } from '../../config';
import type { CardReply } from '../cards';
import type { MessageKey, MessageParams } from '../messages';
import type { Services } from '../services';
import type { Actor } from '../services/roster';
import type { OptionKey } from './args';

export type { Actor };

/** A service of the composed `services` object that a command may ask for. */
export type ServiceName = keyof Services;

/** A code's prefix, for the usage line; `YJ` codes are also normalised (`7` → `YJ2026-007`) before `run`. */
export type CodeKind = 'YJ' | 'HD' | 'HY' | 'XX' | 'GG' | 'PJ' | 'SS' | 'HD|HY';

/**
 * One declared argument. Codes and words take one word each, in order; text takes what is left;
 * a year is picked out anywhere (`2026`, `2026年`, `今年`, `去年`) and defaults to the current year.
 */
export type Param =
  | { kind: 'code'; name: string; of: CodeKind; required?: boolean }
  | { kind: 'word'; name: string; label: string; required?: boolean }
  | { kind: 'text'; name: string; label: string; required?: boolean }
  | { kind: 'year'; name: string };

/** A message key that takes no parameters: a command's fixed usage line. */
export type UsageKey = { [K in MessageKey]: MessageParams<K> extends [] ? K : never }[MessageKey];

/** What a command takes; the dispatcher reads it before `run` and answers the usage line when it is not met. */
export interface ArgsSpec {
  params?: readonly Param[];
  /** `键：值` options, read anywhere in the text before the positional arguments. */
  options?: readonly OptionKey[];
  /** Options that must be given (with `anyOf`, a required param or one of these is enough). */
  requiredOptions?: readonly OptionKey[];
  /** The required parts are alternatives: one present is enough (发布活动: a title or a 时间). */
  anyOf?: boolean;
  /** The reply when a required part is missing; without it the line is built from this declaration. */
  usage?: UsageKey;
}

type ParamValue<P extends Param> = P extends { kind: 'year' }
  ? number
  : P extends { kind: 'code'; of: 'YJ' }
    ? string
    : P extends { required: true }
      ? string
      : string | undefined;

/** The parsed arguments, typed from the declaration. */
export type ParamsOf<S extends ArgsSpec> = S extends { params: readonly (infer P extends Param)[] }
  ? { [K in P as K['name']]: ParamValue<K> }
  : Record<string, never>;
export type OptionsOf<S extends ArgsSpec> = S extends { options: readonly (infer K extends OptionKey)[] }
  ? Partial<Record<K, string>>
  : Record<string, never>;

/** The chat door a command came through, recorded on the opinion's timeline (群聊 / 单聊 / 语音 / 卡片). */
export type ChatVia = 'group' | 'single' | 'voice' | 'card';

export interface CommandContext {
  actor: Actor;
  /** The text after the command word: spaces normalised, the user's own punctuation kept. */
  args: string;
  /** The declared arguments, parsed and checked by the dispatcher (empty when nothing is declared). */
  params: Record<string, string | number | undefined>;
  options: Partial<Record<OptionKey, string>>;
  /** The name or alias the user typed (for echoing back). */
  invokedAs: string;
  /** The inbound message id: the idempotency key for anything this command creates. */
  msgId: string;
  /** Where the reply is read: a reply in a group chat is seen by every member of the group. */
  chat: { type: 'group' | 'single'; id?: string };
  via: ChatVia;
  now: Date;
  /** The services the command declared in `uses` (every service for a command that declares none). */
  services: Services;
  config: Config;
}

/** One command: an entry of the table in handlers/index.ts. It returns its reply. */
export interface Command {
  name: string;
  aliases?: string[];
  /**
   * 'deputy': anyone on the roster (office staff included); 'office': office staff only; 'contact': a handling
   * unit's contacts only (承办单位联系人).
   */
  role: 'deputy' | 'office' | 'contact';
  /** A unit contact may use it too, for their own unit's cases (the command checks which): 答复, 进度, 帮助, 登录. */
  contacts?: boolean;
  /** One line for 帮助, and an example the user can copy. */
  summary: string;
  example: string;
  args?: ArgsSpec;
  /** The services `run` may use; the dispatcher passes only these. */
  uses?: readonly ServiceName[];
  /** Takes the sender's waiting photos (建议, 民意, 附图): pictures sent with it are not answered separately. */
  takesPhotos?: boolean;
  /**
   * Changes nothing (a test holds every such command to it): a redelivered message may simply run it again,
   * so the inbox records it only if it misses the reply deadline.
   */
  readOnly?: boolean;
  /** The reply; a command whose answer is a choice returns it with its card (shown where cards are). */
  run(ctx: CommandContext): Promise<string | CardReply>;
}

/** What `run` sees for a declared command: its own arguments, typed, and only the services it named. */
export type RunContext<S extends ArgsSpec, U extends ServiceName> = Omit<
  CommandContext,
  'services' | 'params' | 'options'
> & {
  services: Pick<Services, U>;
  params: ParamsOf<S>;
  options: OptionsOf<S>;
};

export interface CommandDefinition<S extends ArgsSpec, U extends ServiceName> extends Omit<
  Command,
  'args' | 'uses' | 'run'
> {
  args?: S;
  uses: readonly U[];
  run(ctx: RunContext<S, U>): Promise<string | CardReply>;
}

/** Declares a command: its arguments and services are checked against what `run` reads. */
export function defineCommand<const S extends ArgsSpec = Record<string, never>, const U extends ServiceName = never>(
  c: CommandDefinition<S, U>,
): Command {
  // The dispatcher parses `args` into exactly this shape and passes exactly `uses`.
  return c as unknown as Command;
}
