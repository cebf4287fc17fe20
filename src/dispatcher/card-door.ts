import type { Logger } from 'pino';
import type { Config } from '../../config';
import { type CardReply, helpCard, helpCommands, noticeCard, parseTapKey, subjectOf } from '../cards';
import { type CardTap, type CardTapTable, subjectKindOf } from '../commands/card-taps';
import type { Actor } from '../commands/types';
import type { Clock } from '../clock';
import { isDatabaseUnavailable } from '../db/availability';
import { UserError } from '../errors';
import { t } from '../messages';
import { isRefusal, renderForChat } from '../refusals';
import type { Services } from '../services';
import type { CardTap as Tap, InboundMessage, Reply } from './contract';

export interface CardDoorDeps {
  taps: CardTapTable;
  services: Services;
  config: Config;
  clock: Clock;
  log: Logger;
  /** Runs a read-only command of the table as if typed (the help card's buttons); undefined if it is not one. */
  runReadOnly(msg: InboundMessage, name: string, actor: Actor, log: Logger): Promise<Reply | undefined>;
}

/** How much of a command's reply the help card shows (WeCom suggests far less; phones show this much). */
const HELP_TEXT_CHARS = 400;

/**
 * The card door: a tap on one of our cards runs the typed command's use case (same rights, same refusals, the
 * operation log naming the command, via 'card') and answers with the tapper's updated card. A tap that
 * cannot act (a stale or unknown card, no right, a refusal) changes nothing and says why on the card.
 */
export function createCardDoor(d: CardDoorDeps) {
  async function tap(msg: InboundMessage, card: Tap, log: Logger): Promise<CardReply | null> {
    const subject = subjectOf(card.taskId);
    const key = parseTapKey(card.eventKey);
    const step = (key?.step ?? 0) + 1;
    const notice = (title: string, text: string): CardReply => ({
      text,
      card: noticeCard(card.taskId, title, text, step),
    });
    const kind = subject === undefined ? undefined : subjectKindOf(subject);
    if (!key || !kind || subject === undefined) return notice(t('cardStaleTitle'), t('cardUnknownText'));
    // 知道了 closes a notice: nothing to do, nothing to redraw.
    if (key.action === 'ok') return null;
    const help = kind === 'help' && key.action === 'run';
    const entry = help ? undefined : d.taps.find(kind, key.action);
    if (!help && !entry) return notice(t('cardStaleTitle'), t('cardUnknownText'));

    const who = await d.services.roster.resolveActor(msg.senderId);
    if (!who.ok) {
      const text = t(who.reason === 'inactive' ? 'rosterInactive' : 'notOnRoster', { contacts: who.contacts });
      return notice(t('cardRefusedTitle'), text);
    }
    let actor = who.actor;
    if (!entry) return runHelp(msg, actor, key.arg, { taskId: card.taskId, step }, log, notice);
    if (entry.role === 'office' && !actor.isOffice) {
      // As the chat does: an appointment made on another instance counts before refusing.
      const stored = await d.services.roster.resolveActor(actor.userid, { fresh: true });
      if (!stored.ok || !stored.actor.isOffice) {
        log.info({ tap: `${kind}:${key.action}`, refusal: 'officeOnly' }, 'card tap refused');
        return notice(t('cardRefusedTitle'), t('cardOfficeOnlyText'));
      }
      actor = stored.actor;
    }
    return run(entry, actor, msg, { subject, arg: key.arg, step, card }, log, notice);
  }

  /** A help card's button: the command runs as typed (rights included) and its answer shows on the card. */
  async function runHelp(
    msg: InboundMessage,
    actor: Actor,
    arg: string | undefined,
    at: { taskId: string; step: number },
    log: Logger,
    notice: (title: string, text: string) => CardReply,
  ): Promise<CardReply> {
    const name = helpCommands(actor.isOffice)[Number(arg) - 1];
    const reply = name === undefined ? undefined : await d.runReadOnly(msg, name, actor, log);
    if (name === undefined || !reply) return notice(t('cardStaleTitle'), t('cardUnknownText'));
    const chars = [...reply.text];
    const text =
      chars.length > HELP_TEXT_CHARS
        ? `${chars.slice(0, HELP_TEXT_CHARS).join('')}${t('cardHelpClipped', { command: name })}`
        : reply.text;
    const card = helpCard(
      { isOffice: actor.isOffice, name: actor.name, title: name, text },
      d.clock.now(),
      at.taskId,
      at.step,
    );
    return { text: reply.text, card };
  }

  async function run(
    entry: CardTap,
    actor: Actor,
    msg: InboundMessage,
    at: { subject: string; arg?: string; step: number; card: Tap },
    log: Logger,
    notice: (title: string, text: string) => CardReply,
  ): Promise<CardReply> {
    const now = d.clock.now();
    const audited = { actor: { userid: actor.userid, name: actor.name }, via: 'card' as const, what: entry.command };
    try {
      const reply = await d.services.audit.within(audited, () =>
        entry.run({
          actor,
          subject: at.subject,
          ...(at.arg === undefined ? {} : { arg: at.arg }),
          selected: at.card.selected,
          taskId: at.card.taskId,
          step: at.step,
          msgId: msg.id,
          chat: { type: msg.chat.type, id: msg.chat.id },
          via: 'card',
          now,
          services: d.services,
          config: d.config,
        }),
      );
      log.info({ tap: `${entry.on}:${entry.action}` }, 'card tap handled');
      return reply;
    } catch (err) {
      const view = { timezone: d.config.timezone, now, office: actor.isOffice };
      if (isRefusal(err)) {
        log.info({ tap: `${entry.on}:${entry.action}`, refusal: err.code }, 'card tap refused');
        return notice(t('cardRefusedTitle'), renderForChat(err, view));
      }
      if (err instanceof UserError) return notice(t('cardRefusedTitle'), err.reply);
      // An outage: nothing was answered, so the claim is freed and a new tap runs again.
      if (isDatabaseUnavailable(err)) throw err;
      log.error({ err, tap: `${entry.on}:${entry.action}` }, 'card tap failed');
      return notice(t('cardRefusedTitle'), t('cardFailedText'));
    }
  }

  return { tap };
}
