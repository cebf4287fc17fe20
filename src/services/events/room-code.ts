import { createHmac, randomBytes } from 'node:crypto';
import { refuse } from '../../refusals';
import type { RoomCode } from '../../models/event-parts';
import { recordWrite } from '../../models/audit-entry';
import type { Actor } from '../roster';
import type { EventDeps } from './deps';
import { eventKindOf } from './event-codes';

/** The code on the room's screen changes every slot; the bot accepts this slot's and the previous one's. */
export const ROOM_CODE_SLOT_MS = 60_000;
/** An older code is answered as "expired" (someone read it off the screen a while ago), not "wrong". */
const EXPIRED_SLOTS = 30;

const slotOf = (now: Date) => Math.floor(now.getTime() / ROOM_CODE_SLOT_MS);

/** HMAC(secret, slot) → 4 digits: nobody can predict the next code without the event's secret. */
export function roomCodeAt(secret: string, slot: number): string {
  const mac = createHmac('sha256', secret).update(String(slot)).digest();
  return String(mac.readUInt32BE(0) % 10_000).padStart(4, '0');
}

export interface RoomCodeHolder {
  code: string;
  title: string;
  status: string;
  roomCode?: RoomCode | null;
}

export interface RoomCodeView {
  on: boolean;
  /** The code to show now (absent when off). */
  current?: string;
  /** When the screen should ask again. */
  changesAt?: string;
  /** Seconds until the code changes, by the server's clock (the screen's own clock may be off). */
  secondsLeft?: number;
  since?: string;
  slotSeconds: number;
}

/**
 * Whether the check-in carries the code on the room's screen. Only events with a room code switched on
 * need one; the given code may be this minute's or the previous minute's.
 */
export function checkRoomCode(doc: RoomCodeHolder, given: string | undefined, now: Date): void {
  const rc = doc.roomCode;
  if (!rc) return;
  const code = doc.code;
  if (!given) refuse('roomCode.needed', { code });
  if (!/^\d{4}$/.test(given)) refuse('roomCode.wrong', { code, given: given.slice(0, 8) });
  const slot = slotOf(now);
  if (given === roomCodeAt(rc.secret, slot) || given === roomCodeAt(rc.secret, slot - 1)) return;
  const sinceSlot = slotOf(rc.since);
  for (let s = slot - 2; s >= Math.max(slot - EXPIRED_SLOTS, sinceSlot); s--)
    if (given === roomCodeAt(rc.secret, s)) refuse('roomCode.expired', { code, given });
  refuse('roomCode.wrong', { code, given });
}

export function viewRoomCode(doc: RoomCodeHolder, now: Date): RoomCodeView {
  const rc = doc.roomCode;
  const slotSeconds = ROOM_CODE_SLOT_MS / 1000;
  if (!rc) return { on: false, slotSeconds };
  const slot = slotOf(now);
  return {
    on: true,
    current: roomCodeAt(rc.secret, slot),
    changesAt: new Date((slot + 1) * ROOM_CODE_SLOT_MS).toISOString(),
    secondsLeft: Math.ceil(((slot + 1) * ROOM_CODE_SLOT_MS - now.getTime()) / 1000),
    since: rc.since.toISOString(),
    slotSeconds,
  };
}

/**
 * Switching an activity's or meeting's room code on and off: one guarded update each, and switching on
 * twice keeps the first secret (the screen already showing a code stays right).
 */
export function createRoomCodes(
  d: EventDeps,
  parts: {
    activities: { byCode(code: string, now: Date): Promise<RoomCodeHolder> };
    meetings: { byCode(code: string, now: Date): Promise<RoomCodeHolder> };
  },
) {
  const { Activity, Meeting } = d.models;

  /** The event and a guarded single-document update of its room code. */
  async function find(input: string, now: Date) {
    const kind = eventKindOf(input);
    const set = async (filter: { code: string } & Record<string, unknown>, roomCode: RoomCode | null) => {
      const res = await (kind === 'HD'
        ? Activity.updateOne(filter, { $set: { roomCode } })
        : Meeting.updateOne(filter, { $set: { roomCode } }));
      if (res.modifiedCount > 0)
        await recordWrite({ kind: kind === 'HD' ? 'Activity' : 'Meeting', code: filter.code, op: 'update' });
    };
    if (kind === 'HD') return { set, doc: await parts.activities.byCode(input, now) };
    if (kind === 'HY') return { set, doc: await parts.meetings.byCode(input, now) };
    return refuse('roomCode.onlyEvents', {});
  }

  async function get(
    input: string,
    now: Date,
  ): Promise<RoomCodeView & { code: string; title: string; status: string }> {
    const { doc } = await find(input, now);
    return { code: doc.code, title: doc.title, status: doc.status, ...viewRoomCode(doc, now) };
  }

  async function switchOn(input: string, actor: Actor, now: Date) {
    const { set, doc } = await find(input, now);
    if (doc.status !== 'active') refuse('roomCode.cancelled', { code: doc.code });
    const roomCode: RoomCode = { secret: randomBytes(32).toString('hex'), since: now, by: actor.userid };
    await set({ code: doc.code, status: 'active', roomCode: null }, roomCode);
    return get(doc.code, now);
  }

  async function switchOff(input: string, now: Date) {
    const { set, doc } = await find(input, now);
    await set({ code: doc.code, roomCode: { $ne: null } }, null);
    return get(doc.code, now);
  }

  return { get, switchOn, switchOff };
}

export type RoomCodes = ReturnType<typeof createRoomCodes>;
