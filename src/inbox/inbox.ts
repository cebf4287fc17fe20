import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { Models } from '../models';
import type { InboundMessage, LateDelivery, Received, Reply, StreamState } from '../dispatcher/contract';
import type { Outbox } from '../services/delivery';
import { withDeadline } from '../wecom/deadline';
import { inboundMessages } from '../repositories';
import { type Ticket, claimRow, finishRow } from './claim';
import { fitReply, missedPassive, redrawAppCard, sendLate } from './overflow';
import { type ReplayDeps, awaitFirst } from './replay';
import { StillProcessing } from './still-processing';

export { StillProcessing };

export interface InboxOptions {
  models: Models;
  clock: Clock;
  log: Logger;
  outbox: Outbox;
  afterEnqueue?: () => void;
  /** Whether app messages can carry the rest of a long reply when there is no response_url. */
  canSendApp: boolean;
  dispatch(msg: InboundMessage): Promise<Reply>;
  /** A command that changes nothing: run it first, and record it only if it misses the deadline. */
  readOnly?(msg: InboundMessage): boolean;
  streamIdOf(messageId: string): string;
  staleProcessingMs: number;
  duplicateWaitMs: number;
  /** How long after the user's message WeCom still refreshes an unfinished stream (with a margin). */
  streamWindowMs: number;
  /** Throws when the database is known to be down: the message is answered "busy" without waiting. */
  checkDatabase?: () => void;
  /** Waits between polls of a duplicate's status; injectable so tests need not sleep. */
  pause?: (ms: number) => Promise<void>;
}

/**
 * Exactly-once handling of WeCom deliveries: the first delivery of a message id claims it with a
 * unique insert and stores the reply (claim.ts); redeliveries (retries, duplicates) get the stored reply
 * (replay.ts); a reply too long or too late goes on through the outbox (overflow.ts).
 */
export function createInbox(o: InboxOptions) {
  // Every writing message claims and finishes a row: concurrent messages share those two commands.
  const rows = inboundMessages(o.models.InboundMessage);
  const inflight = new Map<string, { promise: Promise<Reply>; ticket: Ticket }>();
  const pause = o.pause ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const replay: ReplayDeps = { ...o, rows, inflight, pause, track };

  async function run(msg: InboundMessage, ticket: Ticket): Promise<Reply> {
    const reply = await o.dispatch(msg);
    // Decided here, synchronously: from now on the deadline no longer turns this into a late reply.
    ticket.decided = true;
    const late = ticket.late;
    let stored: Reply = null;
    if (reply) {
      // Too late for the passive answer: all of it goes through the outbox; else what does not fit does.
      if (late && missedPassive(o, msg, late)) stored = await sendLate(o, msg, reply, late);
      else stored = { ...reply, text: await fitReply(o, msg, reply.text) };
    }
    if (reply?.card) await redrawAppCard(o, msg, reply.card);
    if (ticket.unrecorded) {
      // Answered in time: a redelivery simply runs it again, so there is nothing to record.
      if (!ticket.recorded) return stored;
      await ticket.recorded;
    }
    await finishRow(rows, o.clock, msg, stored);
    if (late) o.log.info({ msgId: msg.id, late }, 'late reply ready');
    return stored;
  }

  function track(msg: InboundMessage, ticket: Ticket): Promise<Reply> {
    const p = run(msg, ticket)
      .catch(async (err: unknown) => {
        // Nothing was answered: free the claim so WeCom's retry runs the message again at once.
        await rows.release(msg.id).catch(() => undefined);
        throw err;
      })
      .finally(() => inflight.delete(msg.id));
    inflight.set(msg.id, { promise: p, ticket });
    return p;
  }

  async function handle(msg: InboundMessage, ticket: Ticket): Promise<Reply> {
    if (await claimRow(rows, o, msg)) return track(msg, ticket);
    o.log.info({ msgId: msg.id }, 'duplicate delivery');
    return awaitFirst(replay, msg, ticket);
  }

  /**
   * Handles a delivery, waiting at most `deadlineMs` for the reply. Past the deadline it returns
   * 'pending': the work goes on, and its reply is delivered as `late` says (see LateDelivery).
   * Rejects with DatabaseUnavailable (database known down), StillProcessing (a redelivery whose first
   * delivery runs elsewhere) or the error that stopped the work before the deadline.
   */
  async function receiveWithin(msg: InboundMessage, deadlineMs: number, late: LateDelivery): Promise<Received> {
    o.checkDatabase?.();
    const local = inflight.get(msg.id);
    // Reads skip the inbox's two writes (the claim and the stored reply): most of their database cost.
    const unrecorded = !local && o.readOnly?.(msg) === true;
    const ticket: Ticket = local?.ticket ?? { decided: false, unrecorded };
    const work = local ? local.promise : unrecorded ? track(msg, ticket) : handle(msg, ticket);
    const timed = await withDeadline(work, deadlineMs);
    if (timed.done) return { status: 'done', reply: timed.value };
    // The command has finished and only its reply is being stored: wait for that rather than defer it.
    if (ticket.decided) return { status: 'done', reply: await work };
    ticket.late ??= late;
    if (ticket.unrecorded && !ticket.recorded) {
      // Late after all: record it now, before answering, so the stream's refresh and redeliveries find it.
      ticket.recorded = claimRow(rows, o, msg).catch((err: unknown) =>
        o.log.warn({ err, msgId: msg.id }, 'late read not recorded'),
      );
      await ticket.recorded;
    }
    work.catch((err: unknown) => {
      if (err instanceof StillProcessing) return;
      o.log.error({ err, msgId: msg.id }, 'late reply failed; nothing was delivered');
    });
    return { status: 'pending', final: work };
  }

  return {
    receiveWithin,

    /** Handles a delivery without a deadline (tests, tools). */
    async receive(msg: InboundMessage): Promise<Reply> {
      const r = await receiveWithin(msg, Number.POSITIVE_INFINITY, 'caller');
      return r.status === 'done' ? r.reply : r.final;
    },

    async replyForStream(streamId: string): Promise<StreamState> {
      o.checkDatabase?.();
      const doc = await rows.findByStream(streamId);
      if (!doc) return { state: 'unknown' };
      if (doc.status !== 'done') return { state: 'processing' };
      return typeof doc.reply === 'string' ? { state: 'done', text: doc.reply } : { state: 'unknown' };
    },
  };
}

export type Inbox = ReturnType<typeof createInbox>;
