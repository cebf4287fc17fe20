import type { Logger } from 'pino';
import { CMD, readFrame } from './frames';
import type { Acks } from './acks';
import type { Heartbeat } from './heartbeat';
import type { Callback } from './link-types';

export function eventTypeOf(body: Record<string, unknown>): string | undefined {
  const event = body.event;
  if (event && typeof event === 'object' && typeof (event as { eventtype?: unknown }).eventtype === 'string')
    return (event as { eventtype: string }).eventtype;
  return undefined;
}

/** Where the frames of the live socket go. */
export interface FrameRoutes {
  log: Logger;
  heartbeat: Heartbeat;
  acks: Acks;
  /** Another connection subscribed with these credentials (disconnected_event). */
  onKicked(): void;
  onCallback(frame: Callback): void;
}

/** One frame: a ping's or a request's acknowledgement, or a callback (messages and events) for the transport. */
export function routeFrame(raw: string, r: FrameRoutes): void {
  const frame = readFrame(raw);
  if (frame.type === 'invalid') {
    r.log.warn({ reason: frame.reason }, 'long connection: ignored a frame');
    return;
  }
  if (frame.type === 'ack') {
    if (r.heartbeat.answered(frame.reqId) || r.acks.settle(frame)) return;
    if (frame.errcode !== 0)
      r.log.warn(
        { reqId: frame.reqId, errcode: frame.errcode, errmsg: frame.errmsg },
        'long connection: a reply was refused',
      );
    return;
  }
  if (frame.cmd === CMD.eventCallback && eventTypeOf(frame.body) === 'disconnected_event') {
    // Another connection subscribed with these credentials: fighting back would only kick it in turn.
    r.log.error(
      'long connection: disconnected_event received: another connection for this bot took over; not reconnecting',
    );
    r.onKicked();
  }
  r.onCallback(frame);
}
