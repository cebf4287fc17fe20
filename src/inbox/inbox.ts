import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { Models } from '../models';
import { t } from '../messages';
import { splitByBytes, utf8Bytes } from '../text/split';
import type { InboundMessage, Reply } from '../dispatcher/contract';
import type { Outbox, OutboxTarget } from '../services/delivery';
import { isDuplicateKey } from '../models/duplicate-key';

const POLL_MS = 100;

/** Thrown when a redelivery arrives while the first delivery is still running elsewhere: answer 503 so WeCom retries. */
export class StillProcessing extends Error {}

export interface InboxOptions {
  models: Models;
  clock: Clock;
  log: Logger;
  outbox: Outbox;
  afterEnqueue?: () => void;
  /** Whether app messages can carry the rest of a long reply when there is no response_url. */
  canSendApp: boolean;
  dispatch(msg: InboundMessage): Promise<Reply>;
  streamIdOf(messageId: string): string;
  staleProcessingMs: number;
  duplicateWaitMs: number;
  /** Waits between polls of a duplicate's status; injectable so tests need not sleep. */
  pause?: (ms: number) => Promise<void>;
}

/**
 * Exactly-once handling of WeCom deliveries: the first delivery of a message id claims it with a
 * unique insert and stores the reply; redeliveries (retries, duplicates) get the stored reply.
 */
export function createInbox(o: InboxOptions) {
  const { InboundMessage: Inbound } = o.models;
  const inflight = new Map<string, Promise<Reply>>();
  const pause = o.pause ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));

  async function run(msg: InboundMessage): Promise<Reply> {
    const reply = await o.dispatch(msg);
    const passive = reply ? await fitReply(msg, reply.text) : undefined;
    const stored: Reply = reply && passive !== undefined ? { ...reply, text: passive } : null;
    await Inbound.updateOne(
      { _id: msg.id },
      { $set: { status: 'done', reply: stored?.text, replyKind: stored?.kind, finishedAt: o.clock.now() } },
    );
    return stored;
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
    const target: OutboxTarget = msg.responseUrl ? { kind: 'response_url', url: msg.responseUrl } : { kind: 'users', userids: [msg.senderId] };
    await o.outbox.enqueue({ key: `reply:${msg.id}`, target, format: 'markdown', content: remainder });
    o.afterEnqueue?.();
    return `${first ?? ''}${note}`;
  }

  async function claim(msg: InboundMessage): Promise<boolean> {
    try {
      await Inbound.create({ _id: msg.id, streamId: o.streamIdOf(msg.id), senderId: msg.senderId, status: 'processing', startedAt: o.clock.now() });
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  async function awaitFirst(msg: InboundMessage): Promise<Reply> {
    const local = inflight.get(msg.id);
    if (local) return local;
    // A budget of polls rather than a wall-clock deadline, so tests with an injected pause never wait.
    const polls = Math.max(1, Math.ceil(o.duplicateWaitMs / POLL_MS));
    for (let i = 0; ; i++) {
      const doc = (await Inbound.findById(msg.id).lean()) as { status: string; reply?: string; replyKind?: 'welcome'; startedAt: Date } | null;
      if (doc?.status === 'done') return doc.reply === undefined || doc.reply === null ? null : { text: doc.reply, kind: doc.replyKind };
      if (doc && o.clock.now().getTime() - new Date(doc.startedAt).getTime() > o.staleProcessingMs) {
        // The first delivery died mid-way (crash); take it over exactly once.
        const took = await Inbound.findOneAndUpdate({ _id: msg.id, status: 'processing', startedAt: doc.startedAt }, { $set: { startedAt: o.clock.now() } });
        if (took) return track(msg);
      }
      if (i >= polls) throw new StillProcessing(msg.id);
      await pause(POLL_MS);
    }
  }

  function track(msg: InboundMessage): Promise<Reply> {
    const p = run(msg)
      .catch(async (err: unknown) => {
        // Nothing was answered: free the claim so WeCom's retry runs the message again at once.
        await Inbound.deleteOne({ _id: msg.id, status: 'processing' }).catch(() => undefined);
        throw err;
      })
      .finally(() => inflight.delete(msg.id));
    inflight.set(msg.id, p);
    return p;
  }

  return {
    async receive(msg: InboundMessage): Promise<Reply> {
      const local = inflight.get(msg.id);
      if (local) return local;
      if (await claim(msg)) return track(msg);
      o.log.info({ msgId: msg.id }, 'duplicate delivery');
      return awaitFirst(msg);
    },

    async replyForStream(streamId: string): Promise<string | undefined> {
      const doc = (await Inbound.findOne({ streamId, status: 'done' }).lean()) as { reply?: string } | null;
      return doc?.reply ?? undefined;
    },
  };
}

export type Inbox = ReturnType<typeof createInbox>;
