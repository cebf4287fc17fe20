import type { Clock } from '../clock';
import type { Card } from '../cards';
import type { InboundMessage, LateDelivery, Reply } from '../dispatcher/contract';
import { isDuplicateKey } from '../models/duplicate-key';
import type { InboundDone, InboundMessages } from '../repositories';

/** One delivery's handling; `late` is set once the transport has answered with a placeholder. */
export interface Ticket {
  late?: LateDelivery;
  /** The command has returned: only storing its reply is left, so the answer is given passively. */
  decided: boolean;
  /** A read-only command runs without a row; `recorded` is its row, written only once the deadline passed. */
  unrecorded?: boolean;
  recorded?: Promise<unknown>;
}

/** The first delivery of a message id claims it with a unique insert; false when another delivery has. */
export async function claimRow(
  rows: InboundMessages,
  o: { clock: Clock; streamIdOf(messageId: string): string },
  msg: InboundMessage,
): Promise<boolean> {
  try {
    await rows.claim({
      _id: msg.id,
      streamId: o.streamIdOf(msg.id),
      senderId: msg.senderId,
      status: 'processing',
      startedAt: o.clock.now(),
    });
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

/** Stores the reply on the claimed row, for redeliveries and the stream's refresh. */
export function finishRow(rows: InboundMessages, clock: Clock, msg: InboundMessage, stored: Reply) {
  const done: InboundDone = { status: 'done', finishedAt: clock.now() };
  if (stored?.text !== undefined) done.reply = stored.text;
  if (stored?.kind !== undefined) done.replyKind = stored.kind;
  if (stored?.card !== undefined) done.replyCard = JSON.stringify(stored.card);
  return rows.finish(msg.id, done);
}

/** The kind of a stored reply (the row keeps a string; 'welcome' is the only kind there is). */
const replyKindOf = (kind: string | null | undefined): 'welcome' | undefined => (kind === 'welcome' ? kind : undefined);

/** The reply a redelivery gets: the first delivery's, card included. */
export function storedReply(doc: {
  reply?: string | null;
  replyKind?: string | null;
  replyCard?: string | null;
}): Reply {
  if (doc.reply === undefined || doc.reply === null) return null;
  const card = doc.replyCard ? (JSON.parse(doc.replyCard) as Card) : undefined;
  return { text: doc.reply, kind: replyKindOf(doc.replyKind), ...(card ? { card } : {}) };
}
