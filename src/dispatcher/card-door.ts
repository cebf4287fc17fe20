import type { Logger } from 'pino';
import { type CardReply, noticeCard, parseTapKey, subjectOf } from '../cards';
import { type CardTapTable, subjectKindOf } from '../commands/card-taps';
import { t } from '../messages';
import { type TapRunDeps, runHelp, runTap } from './card-run';
import type { CardTap as Tap, InboundMessage } from './contract';

export interface CardDoorDeps extends TapRunDeps {
  taps: CardTapTable;
  log: Logger;
}

/**
 * The card door: a tap on one of our cards runs the typed command's use case (same rights, same refusals, the
 * operation log naming the command, via 'card') and answers with the tapper's updated card. A tap that
 * cannot act (a stale or unknown card, no right, a refusal) changes nothing and says why on the card. The help
 * card's buttons and the table's use cases run in card-run.ts.
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
    if (!entry) return runHelp(d, msg, actor, { arg: key.arg, taskId: card.taskId, step }, log, notice);
    if (entry.role === 'office' && !actor.isOffice) {
      // As the chat does: an appointment made on another instance counts before refusing.
      const stored = await d.services.roster.resolveActor(actor.userid, { fresh: true });
      if (!stored.ok || !stored.actor.isOffice) {
        log.info({ tap: `${kind}:${key.action}`, refusal: 'officeOnly' }, 'card tap refused');
        return notice(t('cardRefusedTitle'), t('cardOfficeOnlyText'));
      }
      actor = stored.actor;
    }
    return runTap(d, entry, actor, msg, { subject, arg: key.arg, step, card }, log, notice);
  }

  return { tap };
}
