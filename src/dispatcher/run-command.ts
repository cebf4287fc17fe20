import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { Clock } from '../clock';
import type { parseCommandLine } from '../commands/parse';
import { readArgs } from '../commands/read-args';
import { readOpinionCode } from '../commands/record-codes';
import type { Actor, ChatVia, Command } from '../commands/types';
import { isDatabaseUnavailable } from '../db/availability';
import { UserError } from '../errors';
import { t } from '../messages';
import { isRefusal, renderForChat } from '../refusals';
import type { Services } from '../services';
import { authorize } from './authorize';
import type { InboundMessage, Reply } from './contract';

export type ParsedCommand = Extract<ReturnType<typeof parseCommandLine>, { kind: 'command' }>;

export interface RunnerDeps {
  services: Services;
  config: Config;
  clock: Clock;
  observe?: (command: string, outcome: 'ok' | 'refused' | 'error', seconds: number) => void;
}

/** How a refusal reads for this sender: office staff are offered the office's next steps. */
export function chatView(d: { config: Config; clock: Clock }, actor: Actor) {
  return { timezone: d.config.timezone, now: d.clock.now(), office: actor.isOffice };
}

/** The chat door of a message, as the timeline names it: a spoken one, a card tap, or the chat it was typed in. */
function viaOf(msg: InboundMessage): ChatVia {
  if (msg.voice) return 'voice';
  if (msg.kind === 'event') return 'card';
  return msg.chat.type;
}

/** A refusal is the sender's answer; an outage a "busy"; anything else is logged and answered generically. */
function failedReply(d: RunnerDeps, err: unknown, command: Command, actor: Actor, log: Logger, started: number): Reply {
  if (err instanceof UserError || isRefusal(err)) {
    log.info({ command: command.name, refusal: isRefusal(err) ? err.code : err.key }, 'command refused');
    d.observe?.(command.name, 'refused', (Date.now() - started) / 1000);
    return { text: isRefusal(err) ? renderForChat(err, chatView(d, actor)) : err.reply };
  }
  if (isDatabaseUnavailable(err)) {
    // An outage, not a bug: the user may simply send it again (every write is idempotent by message id).
    log.warn({ command: command.name, reason: (err as Error).message }, 'command stopped: database unavailable');
    return { text: t('systemBusy') };
  }
  log.error({ err, command: command.name }, 'command failed');
  d.observe?.(command.name, 'error', (Date.now() - started) / 1000);
  return { text: t('internalError') };
}

/** Runs one parsed command for its sender: rights, declared arguments, the audit scope, the one catch point. */
export function createCommandRunner(d: RunnerDeps) {
  const granted = new Map<Command, Services>();
  /** Only the services a command declared (all of them for a command that declares none). */
  function servicesFor(command: Command): Services {
    if (!command.uses) return d.services;
    let s = granted.get(command);
    if (!s) {
      s = Object.fromEntries(command.uses.map((name) => [name, d.services[name]])) as unknown as Services;
      granted.set(command, s);
    }
    return s;
  }

  async function run(msg: InboundMessage, parsed: ParsedCommand, sender: Actor, log: Logger): Promise<Reply> {
    const { command } = parsed;
    const actor = await authorize(d.services.roster, command, sender);
    if (typeof actor === 'string') return { text: actor };
    const started = Date.now();
    try {
      const now = d.clock.now();
      const read = readArgs(command, parsed.args, {
        now,
        timezone: d.config.timezone,
        opinionCode: (input, name) => readOpinionCode(input, now, d.config.timezone, name),
      });
      if (!read.ok) {
        log.info({ command: command.name, refusal: 'usage' }, 'command refused');
        return { text: read.reply };
      }
      // Writes the command makes are logged as this person's (操作日志), via the chat. A read-only command
      // writes nothing (test/db/round-trips.spec.ts holds it to that), so it needs no scope.
      const audited = { actor: { userid: actor.userid, name: actor.name }, via: 'chat' as const, what: command.name };
      const scoped = <T>(work: () => Promise<T>) =>
        command.readOnly ? work() : d.services.audit.within(audited, work);
      const out = await scoped(() =>
        command.run({
          actor,
          args: parsed.args,
          params: read.params,
          options: read.options,
          invokedAs: parsed.invokedAs,
          msgId: msg.id,
          chat: { type: msg.chat.type, id: msg.chat.id },
          via: viaOf(msg),
          now,
          services: servicesFor(command),
          config: d.config,
        }),
      );
      log.info({ command: command.name, latencyMs: Date.now() - started }, 'command handled');
      d.observe?.(command.name, 'ok', (Date.now() - started) / 1000);
      return typeof out === 'string' ? { text: out } : { text: out.text, card: out.card };
    } catch (err) {
      return failedReply(d, err, command, actor, log, started);
    }
  }

  return { run };
}
