import type { Clock } from '../clock';
import type { InboundMessage, Reply } from '../dispatcher/contract';
import type { InboundMessages } from '../repositories';
import { type Ticket, storedReply } from './claim';
import { StillProcessing } from './still-processing';

const POLL_MS = 100;

/** What a redelivery waits with: the deliveries running here, the rows, and how long to poll. */
export interface ReplayDeps {
  rows: InboundMessages;
  inflight: Map<string, { promise: Promise<Reply>; ticket: Ticket }>;
  clock: Clock;
  staleProcessingMs: number;
  duplicateWaitMs: number;
  pause: (ms: number) => Promise<void>;
  /** Runs the message as its own (a takeover of a first delivery that died mid-way). */
  track(msg: InboundMessage, ticket: Ticket): Promise<Reply>;
}

/**
 * A redelivery: the first delivery's reply (here, or stored once done), a takeover when the first delivery died,
 * or StillProcessing when it still runs elsewhere after the wait.
 */
export async function awaitFirst(r: ReplayDeps, msg: InboundMessage, ticket: Ticket): Promise<Reply> {
  const local = r.inflight.get(msg.id);
  if (local) return local.promise;
  // A budget of polls rather than a wall-clock deadline, so tests with an injected pause never wait.
  const polls = Math.max(1, Math.ceil(r.duplicateWaitMs / POLL_MS));
  for (let i = 0; ; i++) {
    const doc = await r.rows.find(msg.id);
    if (doc?.status === 'done') return storedReply(doc);
    if (doc && r.clock.now().getTime() - new Date(doc.startedAt).getTime() > r.staleProcessingMs) {
      // The first delivery died mid-way (crash); take it over exactly once.
      if (await r.rows.takeOver(msg.id, doc.startedAt, r.clock.now())) return r.track(msg, ticket);
    }
    if (i >= polls) throw new StillProcessing(msg.id);
    await r.pause(POLL_MS);
  }
}
