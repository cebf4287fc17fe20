import type { Logger } from 'pino';
import { type CardReply, helpCard, helpCommands } from '../cards';
import type { CardTap } from '../commands/card-taps';
import type { Actor } from '../commands/types';
import { isDatabaseUnavailable } from '../db/availability';
import { UserError } from '../errors';
import { t } from '../messages';
import { isRefusal, renderForChat } from '../refusals';
import type { Clock } from '../clock';
import type { Config } from '../../config';
import type { Services } from '../services';
import type { CardTap as Tap, InboundMessage, Reply } from './contract';

/** What running a tap needs (the card door's deps). */
export interface TapRunDeps {
  services: Services;
  config: Config;
  clock: Clock;
  /** Runs a read-only command of the table as if typed (the help card's buttons); undefined if it is not one. */
  runReadOnly(msg: InboundMessage, name: string, actor: Actor, log: Logger): Promise<Reply | undefined>;
}

/** A card's redrawn notice (stale, refused, failed), with the next step's buttons. */
export type Notice = (title: string, text: string) => CardReply;

/** How much of a command's reply the help card shows (WeCom suggests far less; phones show this much). */
const HELP_TEXT_CHARS = 400;

/** A help card's button: the command runs as typed (rights included) and its answer shows on the card. */
export async function runHelp(
  d: TapRunDeps,
  msg: InboundMessage,
  actor: Actor,
  at: { arg: string | undefined; taskId: string; step: number },
  log: Logger,
  notice: Notice,
): Promise<CardReply> {
  const name = helpCommands(actor.isOffice)[Number(at.arg) - 1];
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

/** A tap-table entry's use case, inside the audit scope; a refusal becomes the card's text and writes nothing. */
export async function runTap(
  d: TapRunDeps,
  entry: CardTap,
  actor: Actor,
  msg: InboundMessage,
  at: { subject: string; arg?: string; step: number; card: Tap },
  log: Logger,
  notice: Notice,
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
