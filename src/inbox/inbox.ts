import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { Card } from '../cards';
import type { Models } from '../models';
import { t } from '../messages';
import { markdownToPlain } from '../text/plain';
import { splitByBytes, utf8Bytes } from '../text/split';
import type { InboundMessage, LateDelivery, Received, Reply, StreamState } from '../dispatcher/contract';
import type { Outbox, OutboxTarget } from '../services/delivery';
import { isDuplicateKey } from '../models/duplicate-key';
import { withDeadline } from '../wecom/deadline';
import { type InboundDone, inboundMessages } from '../repositories';

const POLL_MS = 100;

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

/** The kind of a stored reply (the row keeps a string; 'welcome' is the only kind there is). */
const replyKindOf = (kind: string | null | undefined): 'welcome' | undefined => (kind === 'welcome' ? kind : undefined);

/** One delivery's handling; `late` is set once the transport has answered with a placeholder. */
interface Ticket {
  late?: LateDelivery;
  /** The command has returned: only storing its reply is left, so the answer is given passively. */
  decided: boolean;
  /** A read-only command runs without a row; `recorded` is its row, written only once the deadline passed. */
  unrecorded?: boolean;
  recorded?: Promise<unknown>;
}

/**
 * Exactly-once handling of WeCom deliveries: the first delivery of a message id claims it with a
 * unique insert and stores the reply; redeliveries (retries, duplicates) get the stored reply.
 */
export function createInbox(o: InboxOptions) {
  // Every writing message claims and finishes a row: concurrent messages share those two commands.
  const rows = inboundMessages(o.models.InboundMessage);
  const inflight = new Map<string, { promise: Promise<Reply>; ticket: Ticket }>();
  const pause = o.pause ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));

  async function run(msg: InboundMessage, ticket: Ticket): Promise<Reply> {
    const reply = await o.dispatch(msg);
    // Decided here, synchronously: from now on the deadline no longer turns this into a late reply.
    ticket.decided = true;
    const late = ticket.late;
    let stored: Reply = null;
    if (reply) {
      const pastStream = late === 'stream' && o.clock.now().getTime() - msg.receivedAt.getTime() > o.streamWindowMs;
      if (late === 'app' || pastStream) {
        await deliverLate(msg, reply.text, late);
        stored = { ...reply, text: passiveOnly(msg, reply.text) };
      } else {
        stored = { ...reply, text: await fitReply(msg, reply.text) };
      }
    }
    if (reply?.card) await redrawAppCard(msg, reply.card);
    if (ticket.unrecorded) {
      // Answered in time: a redelivery simply runs it again, so there is nothing to record.
      if (!ticket.recorded) return stored;
      await ticket.recorded;
    }
    const done: InboundDone = { status: 'done', finishedAt: o.clock.now() };
    if (stored?.text !== undefined) done.reply = stored.text;
    if (stored?.kind !== undefined) done.replyKind = stored.kind;
    if (stored?.card !== undefined) done.replyCard = JSON.stringify(stored.card);
    await rows.finish(msg.id, done);
    if (late) o.log.info({ msgId: msg.id, late }, 'late reply ready');
    return stored;
  }

  /** A reply that missed the passive answer goes out through the outbox, whole and in order. */
  async function deliverLate(msg: InboundMessage, text: string, via: LateDelivery): Promise<void> {
    const toSender: OutboxTarget | undefined = o.canSendApp ? { kind: 'users', userids: [msg.senderId] } : undefined;
    const target: OutboxTarget | undefined =
      via === 'stream' && msg.responseUrl ? { kind: 'response_url', url: msg.responseUrl } : toSender;
    if (!target) {
      o.log.warn(
        { msgId: msg.id, via },
        'late reply not delivered: no response_url and app messages are not configured (WECOM_AGENT_ID, WECOM_CORP_SECRET)',
      );
      return;
    }
    const app = target.kind === 'users';
    await o.outbox.enqueue({
      key: `late:${msg.id}`,
      target,
      format: app ? 'text' : 'markdown',
      content: app ? markdownToPlain(text) : text,
    });
    o.afterEnqueue?.();
  }

  /**
   * An app tap's passive answer can only rename the tapped button: the whole updated card (the smart bot's) goes
   * through message/update_template_card with the click's ResponseCode. Run once per tap (the inbox's claim),
   * under a key of the tap's id, so a repeated event never updates twice.
   */
  async function redrawAppCard(msg: InboundMessage, card: Card): Promise<void> {
    const responseCode = msg.card?.responseCode;
    if (!responseCode || !o.canSendApp) return;
    await o.outbox.enqueue({
      key: `card-update:${msg.id}`,
      target: { kind: 'app_card_update', userid: msg.senderId, responseCode },
      // The log and the 系统 page show the card's title (one part always: the card goes only with a single part).
      format: 'text',
      content: card.title,
      card,
    });
    o.afterEnqueue?.();
  }

  /** What a redelivery gets once the whole reply went out through the outbox. */
  function passiveOnly(msg: InboundMessage, text: string): string {
    if (utf8Bytes(text) <= msg.replyLimitBytes) return text;
    const note = `\n${t('replyContinued')}`;
    return `${splitByBytes(text, msg.replyLimitBytes - utf8Bytes(note))[0] ?? ''}${note}`;
  }

  /** Keeps the passive reply within the mode's limit; the rest follows through the outbox. */
  async function fitReply(msg: InboundMessage, text: string): Promise<string> {
    if (utf8Bytes(text) <= msg.replyLimitBytes) return text;
    if (!msg.responseUrl && !o.canSendApp) {
      // Nowhere to send the rest (no response_url, no app secret): say so rather than promise it.
      const cut = `\n${t('replyTruncated')}`;
      return `${splitByBytes(text, msg.replyLimitBytes - utf8Bytes(cut))[0] ?? ''}${cut}`;
    }
    const note = `\n${t('replyContinued')}`;
    const [first, ...rest] = splitByBytes(text, msg.replyLimitBytes - utf8Bytes(note));
    const remainder = rest.join('\n');
    const target: OutboxTarget = msg.responseUrl
      ? { kind: 'response_url', url: msg.responseUrl }
      : { kind: 'users', userids: [msg.senderId] };
    await o.outbox.enqueue({ key: `reply:${msg.id}`, target, format: 'markdown', content: remainder });
    o.afterEnqueue?.();
    return `${first ?? ''}${note}`;
  }

  async function claim(msg: InboundMessage): Promise<boolean> {
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

  async function awaitFirst(msg: InboundMessage, ticket: Ticket): Promise<Reply> {
    const local = inflight.get(msg.id);
    if (local) return local.promise;
    // A budget of polls rather than a wall-clock deadline, so tests with an injected pause never wait.
    const polls = Math.max(1, Math.ceil(o.duplicateWaitMs / POLL_MS));
    for (let i = 0; ; i++) {
      const doc = await rows.find(msg.id);
      if (doc?.status === 'done') return storedReply(doc);
      if (doc && o.clock.now().getTime() - new Date(doc.startedAt).getTime() > o.staleProcessingMs) {
        // The first delivery died mid-way (crash); take it over exactly once.
        if (await rows.takeOver(msg.id, doc.startedAt, o.clock.now())) return track(msg, ticket);
      }
      if (i >= polls) throw new StillProcessing(msg.id);
      await pause(POLL_MS);
    }
  }

  /** The reply a redelivery gets: the first delivery's, card included. */
  function storedReply(doc: { reply?: string | null; replyKind?: string | null; replyCard?: string | null }): Reply {
    if (doc.reply === undefined || doc.reply === null) return null;
    const card = doc.replyCard ? (JSON.parse(doc.replyCard) as Card) : undefined;
    return { text: doc.reply, kind: replyKindOf(doc.replyKind), ...(card ? { card } : {}) };
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
    if (await claim(msg)) return track(msg, ticket);
    o.log.info({ msgId: msg.id }, 'duplicate delivery');
    return awaitFirst(msg, ticket);
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
      ticket.recorded = claim(msg).catch((err: unknown) =>
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
