import type { Logger } from 'pino';
import { isDatabaseUnavailable } from '../db/availability';
import { StillProcessing } from '../inbox/still-processing';
import type { InboundMessage, LateDelivery, Received, Reply, StreamState } from '../dispatcher/contract';

/** What the passive answer can carry: the reply, "still working" (it follows later) or "busy". */
export type Outcome = { kind: 'reply'; reply: Reply } | { kind: 'pending' } | { kind: 'busy' };

/** The passive reply's deadlines: WeCom waits only so long for the answer to its request. */
export interface HandOverDeps {
  log: Logger;
  limits: { botDeadlineMs: number; appDeadlineMs: number; cardDeadlineMs: number };
  receive(msg: InboundMessage, deadlineMs: number, late: LateDelivery): Promise<Received>;
  replyForStream(streamId: string): Promise<StreamState>;
  onMissedDeadline?: (mode: 'bot' | 'app') => void;
}

/** Runs the message against its mode's deadline; an unreachable database is a polite "busy", not a 500. */
export async function handOver(d: HandOverDeps, message: InboundMessage, mode: 'bot' | 'app'): Promise<Outcome> {
  try {
    // A tap has no later way to answer it: the work goes on past the deadline and its update is dropped.
    const r = message.card
      ? await d.receive(message, d.limits.cardDeadlineMs, 'caller')
      : await d.receive(
          message,
          mode === 'bot' ? d.limits.botDeadlineMs : d.limits.appDeadlineMs,
          mode === 'bot' ? 'stream' : 'app',
        );
    if (r.status === 'done') return { kind: 'reply', reply: r.reply };
    d.onMissedDeadline?.(mode);
    if (message.card) d.log.warn({ msgId: message.id }, 'card tap not answered within the deadline: no update');
    return { kind: 'pending' };
  } catch (err) {
    if (isDatabaseUnavailable(err)) {
      d.log.warn({ msgId: message.id, reason: (err as Error).message }, 'database unavailable: answered busy');
      return { kind: 'busy' };
    }
    // A smart-bot redelivery while another instance works on it: the stream refresh will carry the reply.
    if (err instanceof StillProcessing && mode === 'bot') return { kind: 'pending' };
    throw err;
  }
}

/** What a smart-bot stream refresh finds; an unreachable database reads as "unknown". */
export async function streamState(d: HandOverDeps, streamId: string): Promise<StreamState> {
  try {
    return await d.replyForStream(streamId);
  } catch (err) {
    if (!isDatabaseUnavailable(err)) throw err;
    return { state: 'unknown' };
  }
}
