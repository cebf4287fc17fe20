import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { Clock } from '../clock';
import type { CardTapTable } from '../commands/card-taps';
import { type CommandTable, parseCommandLine } from '../commands/parse';
import type { Actor, Command } from '../commands/types';
import { t } from '../messages';
import type { Services } from '../services';
import { closestNames } from '../text/closest';
import type { InboundMessage, Reply } from './contract';
import { createCardDoor } from './card-door';
import { receivePhotos } from './photos-first';
import { createCommandRunner } from './run-command';
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

/**
 * Turns one inbound message into one reply: the sender, pictures first, then the command (run-command.ts: rights,
 * arguments, the single catch point for command errors) or a tap (card-door.ts).
 */
export function createDispatcher(d: DispatcherDeps) {
  const commands = createCommandRunner(d);
  /** Plain-text messages already parsed by readOnly(), for dispatch() to reuse. */
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
      return commands.run(msg, parsed, actor, log);
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
      const received = await receivePhotos(d, msg, actor, log);
      if (typeof received !== 'number') return received;
      const waitingNote = t('photoReceived', { count: received, minutes: d.services.photos.waitMinutes });
      if (parsed.kind !== 'command') return { text: waitingNote };
      // 建议/民意/附图 take them now; any other command runs, and the pictures wait.
      if (!parsed.command.takesPhotos) {
        const reply = await commands.run(msg, parsed, actor, log);
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
    return commands.run(msg, parsed, actor, log);
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
