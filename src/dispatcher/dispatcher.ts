import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { Clock } from '../clock';
import type { CardTapTable } from '../commands/card-taps';
import { type CommandTable, parseCommandLine } from '../commands/parse';
import { readArgs } from '../commands/read-args';
import type { Actor, ChatVia, Command } from '../commands/types';
import { isDatabaseUnavailable } from '../db/availability';
import { UserError } from '../errors';
import { isRefusal, renderForChat } from '../refusals';
import { readOpinionCode } from '../commands/record-codes';
import { t } from '../messages';
import type { Services } from '../services';
import { closestNames } from '../text/closest';
import type { InboundMessage, Reply } from './contract';
import { createCardDoor } from './card-door';
import { cleanVoiceArgs, cleanVoiceText, offerVoiceDraft } from './voice';

export interface DispatcherDeps {
  table: CommandTable;
  /** The card door's table (handlers/index.ts `cardTaps`). */
  taps: CardTapTable;
  services: Services;
  config: Config;
  clock: Clock;
  log: Logger;
  /** Sees each command's run time and outcome (metrics). */
  observe?: (command: string, outcome: 'ok' | 'refused' | 'error', seconds: number) => void;
}

export function visibleCommands(table: CommandTable, actor: Actor): Command[] {
  if (actor.contactOnly) return table.commands.filter((c) => c.contacts || c.role === 'contact');
  return table.commands.filter((c) => c.role === 'deputy' || (c.role === 'office' && actor.isOffice));
}

/** Turns one inbound message into one reply. The single catch point for command errors. */
export function createDispatcher(d: DispatcherDeps) {
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

  /** Plain-text messages already parsed by readOnly(), for dispatch() to reuse. */
  /** How a refusal reads for this sender: office staff are offered the office's next steps. */
  const chatView = (actor: Actor) => ({ timezone: d.config.timezone, now: d.clock.now(), office: actor.isOffice });

  const parsedText = new WeakMap<InboundMessage, ReturnType<typeof parseCommandLine>>();
  const cards = createCardDoor({
    taps: d.taps,
    services: d.services,
    config: d.config,
    clock: d.clock,
    log: d.log,
    async runReadOnly(msg, name, actor, log) {
      const parsed = parseCommandLine(name, d.table, d.config.wecom.botName);
      if (parsed.kind !== 'command' || !parsed.command.readOnly) return undefined;
      return runCommand(msg, parsed, actor, log);
    },
  });

  async function dispatch(msg: InboundMessage): Promise<Reply> {
    const log = d.log.child({ msgId: msg.id, sender: msg.senderId });
    if (msg.kind === 'event') {
      if (msg.card) return cards.tap(msg, msg.card, log);
      if (msg.event !== 'enter_chat') return null;
      const who = await d.services.roster.resolveActor(msg.senderId);
      return { text: t('welcome', { name: who.ok ? who.actor.name : undefined }), kind: 'welcome' };
    }
    if (msg.kind === 'unsupported') return { text: t('unsupportedMessage') };

    const line = msg.voice ? cleanVoiceText(msg.text) : msg.text;
    const parsed = msg.voice
      ? cleanVoiceArgs(parseCommandLine(line, d.table, d.config.wecom.botName))
      : (parsedText.get(msg) ?? parseCommandLine(line, d.table, d.config.wecom.botName));
    const who = await d.services.roster.resolveActor(msg.senderId);
    if (!who.ok)
      return { text: t(who.reason === 'inactive' ? 'rosterInactive' : 'notOnRoster', { contacts: who.contacts }) };
    const actor = who.actor;
    if (actor.contactOnly && msg.images?.length)
      return { text: t('contactOnlyCommand', { command: '随手拍', units: (actor.units ?? []).join('、') }) };
    // Pictures first, at once (WeCom's links live 5 minutes): all stored, or a clear refusal and none.
    if (msg.images?.length) {
      const received = await receivePhotos(msg, actor, log);
      if (typeof received !== 'number') return received;
      const waitingNote = t('photoReceived', { count: received, minutes: d.services.photos.waitMinutes });
      if (parsed.kind !== 'command') return { text: waitingNote };
      // 建议/民意/附图 take them now; any other command runs, and the pictures wait.
      if (!parsed.command.takesPhotos) {
        const reply = await runCommand(msg, parsed, actor, log);
        return { text: reply ? `${reply.text}\n\n${waitingNote}` : waitingNote };
      }
    }
    // Spoken words that are not a command are offered as an opinion draft (filed on 确认).
    if (msg.voice && parsed.kind !== 'command')
      return { text: await offerVoiceDraft(d.services, actor, msg, d.clock.now()) };
    if (parsed.kind === 'empty') return { text: t('emptyMessage') };
    if (parsed.kind === 'unknown') {
      const words = visibleCommands(d.table, actor).flatMap((c) => [c.name, ...(c.aliases ?? [])]);
      return { text: t('unknownCommand', { input: parsed.input, suggestions: closestNames(parsed.input, words, 3) }) };
    }
    return runCommand(msg, parsed, actor, log);
  }

  /** Stores the message's pictures for the sender; a refusal (or an outage) is the reply. */
  async function receivePhotos(msg: InboundMessage, actor: Actor, log: Logger): Promise<number | Reply> {
    try {
      return await d.services.photos.receive({
        msgId: msg.id,
        owner: actor.userid,
        images: msg.images ?? [],
        now: d.clock.now(),
      });
    } catch (err) {
      if (isRefusal(err)) return { text: renderForChat(err, chatView(actor)) };
      if (isDatabaseUnavailable(err)) return { text: t('systemBusy') };
      log.error({ err }, 'photos failed');
      return { text: t('photoRefusedFailed') };
    }
  }

  async function runCommand(
    msg: InboundMessage,
    parsed: Extract<ReturnType<typeof parseCommandLine>, { kind: 'command' }>,
    actor: Actor,
    log: Logger,
  ): Promise<Reply> {
    const { command } = parsed;
    const allowed = await authorize(command, actor);
    if (typeof allowed === 'string') return { text: allowed };
    actor = allowed;

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
      // writes nothing (test/db/round-trips.test.ts holds it to that), so it needs no scope.
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
      if (err instanceof UserError || isRefusal(err)) {
        log.info({ command: command.name, refusal: isRefusal(err) ? err.code : err.key }, 'command refused');
        d.observe?.(command.name, 'refused', (Date.now() - started) / 1000);
        return { text: isRefusal(err) ? renderForChat(err, chatView(actor)) : err.reply };
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
  }
  /**
   * Whether the sender may use the command: the actor to run it as, or the refusal's words. A unit contact on no
   * roster has only the contacts' commands; whether someone on the roster answers for a unit, or is office staff,
   * is read again before a refusal (another instance may have just made them so).
   */
  async function authorize(command: Command, actor: Actor): Promise<Actor | string> {
    const roster = d.services.roster;
    if (actor.contactOnly) {
      if (command.contacts || command.role === 'contact') return actor;
      return t('contactOnlyCommand', { command: command.name, units: (actor.units ?? []).join('、') });
    }
    const asContact = async () => {
      const units = await roster.unitsOf(actor.userid);
      return units.length ? { ...actor, units } : undefined;
    };
    if (command.role === 'contact')
      return (await asContact()) ?? t('contactCommandOnly', { command: command.name, office: actor.isOffice });
    if (command.role === 'office' && !actor.isOffice) {
      // The roster copy may not show yet an appointment made through another instance: refuse on what is stored.
      const stored = await roster.resolveActor(actor.userid, { fresh: true });
      if (stored.ok && stored.actor.isOffice) return stored.actor;
      // A deputy who also answers for a unit uses the contacts' side of the command (答复 for their unit).
      const contact = command.contacts ? await asContact() : undefined;
      return contact ?? t('officeOnly', { command: command.name });
    }
    return actor;
  }

  /**
   * Whether the message is a plain-text command that changes nothing (`readOnly`): the inbox then runs
   * it without recording it first. Voice, pictures and anything unparsed take the recorded path.
   */
  function readOnly(msg: InboundMessage): boolean {
    if (msg.kind !== 'text' || msg.voice || msg.images?.length) return false;
    const parsed = parseCommandLine(msg.text, d.table, d.config.wecom.botName);
    // dispatch() reads the same message next: parse it once.
    parsedText.set(msg, parsed);
    return parsed.kind === 'command' && parsed.command.readOnly === true;
  }

  return { dispatch, readOnly };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;

/** The chat door of a message, as the timeline names it: a spoken one, a card tap, or the chat it was typed in. */
function viaOf(msg: InboundMessage): ChatVia {
  if (msg.voice) return 'voice';
  if (msg.kind === 'event') return 'card';
  return msg.chat.type;
}
