import type { Models } from '../../models';
import type { Actor, Roster } from '../roster';
import { createLoginLinks } from './login-links';
import { hashToken, newToken, TOKEN_SHAPE } from './tokens';

export { hashToken, newToken } from './tokens';

export interface ConsoleAuthLimits {
  loginLinkMinutes: number;
  sessionIdleHours: number;
  sessionMaxDays: number;
}

export type ConsoleRole = 'office' | 'deputy' | 'unit';

export interface ConsoleSessionView {
  id: unknown;
  actor: Actor;
  role: ConsoleRole;
  csrfToken: string;
}

const TOUCH_EVERY_MS = 60_000;

/**
 * Console sign-in: one-time links (single use, short-lived, bound to a userid) and sessions (idle and
 * absolute limits, revoked when the roster says the person may no longer use them).
 */
export function createConsoleAuth(d: {
  models: Models;
  roster: Roster;
  limits: ConsoleAuthLimits;
  baseUrl: () => string;
}) {
  const { ConsoleSession } = d.models;
  const idleMs = d.limits.sessionIdleHours * 3600_000;
  const maxMs = d.limits.sessionMaxDays * 24 * 3600_000;

  /** Who may sign in, and as what: anyone active on the roster (office staff as office). */
  async function roleOf(userid: string): Promise<{ actor: Actor; role: ConsoleRole } | undefined> {
    const who = await d.roster.resolveActor(userid);
    if (!who.ok) return undefined;
    const role = who.actor.isOffice ? 'office' : who.actor.contactOnly ? 'unit' : 'deputy';
    return { actor: who.actor, role };
  }

  return {
    roleOf,
    linkMinutes: d.limits.loginLinkMinutes,
    /** Where the console is reached (CONSOLE_URL, else this process's own address). */
    baseUrl: d.baseUrl,
    loginUrl: (token: string) => `${d.baseUrl()}/console/login/${token}`,
    /** The 述职 draft's download: the deputy or the office, signed in (otherwise through sign-in first). */
    reportUrl: (userid: string, year: number) =>
      `${d.baseUrl()}/console/reports/${encodeURIComponent(userid)}/${year}.docx`,

    ...createLoginLinks({ models: d.models, roster: d.roster, minutes: d.limits.loginLinkMinutes, roleOf }),

    /** Starts a session for someone the roster still allows; undefined otherwise. */
    async startSession(
      userid: string,
      via: 'link' | 'wecom' | 'demo',
      now: Date,
    ): Promise<{ token: string; role: ConsoleRole; maxAgeSeconds: number } | undefined> {
      const who = await roleOf(userid);
      if (!who) return undefined;
      const token = newToken();
      await ConsoleSession.create({
        tokenHash: hashToken(token),
        userid,
        role: who.role,
        csrfToken: newToken(),
        via,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + maxMs),
      });
      return { token, role: who.role, maxAgeSeconds: Math.floor(maxMs / 1000) };
    },

    /**
     * The session behind a cookie, checked on every request: not revoked, not idle too long, not past its
     * maximum age, and the person still active (and still office staff for an office session). Two indexed
     * reads; the idle clock is written at most once a minute.
     */
    async sessionFor(token: string, now: Date): Promise<ConsoleSessionView | undefined> {
      if (!TOKEN_SHAPE.test(token)) return undefined;
      const s = await ConsoleSession.findOne({ tokenHash: hashToken(token) }).lean();
      if (
        !s ||
        s.revokedAt ||
        s.expiresAt.getTime() <= now.getTime() ||
        s.lastSeenAt.getTime() + idleMs <= now.getTime()
      )
        return undefined;
      const who = await stillAllowed(d.roster, s.userid, s.role);
      if (!who.ok) {
        await ConsoleSession.updateOne(
          { _id: s._id, revokedAt: { $exists: false } },
          { $set: { revokedAt: now, revokedWhy: who.lost } },
        );
        return undefined;
      }
      if (now.getTime() - s.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
        await ConsoleSession.updateOne({ _id: s._id, lastSeenAt: { $lt: now } }, { $set: { lastSeenAt: now } });
      }
      const actor = s.role === 'deputy' ? { ...who.actor, isOffice: false } : who.actor;
      return { id: s._id, actor, role: s.role, csrfToken: s.csrfToken };
    },

    /** Sign-out. */
    async endSession(token: string, now: Date): Promise<void> {
      await ConsoleSession.updateOne(
        { tokenHash: hashToken(token), revokedAt: { $exists: false } },
        { $set: { revokedAt: now, revokedWhy: 'signed_out' } },
      );
    },
  };
}

export type ConsoleAuth = ReturnType<typeof createConsoleAuth>;

/** Whether the roster still lets this session's person in, in its role; why not, when it does not. */
async function stillAllowed(
  roster: Roster,
  userid: string,
  role: ConsoleRole,
): Promise<
  { ok: true; actor: Actor } | { ok: false; lost: 'inactive' | 'office_role_removed' | 'unit_contact_changed' }
> {
  let who = await roster.resolveActor(userid);
  // Revoked only on what is stored: this instance's roster copy may predate an appointment made elsewhere.
  if (who.ok && role === 'office' && !who.actor.isOffice) who = await roster.resolveActor(userid, { fresh: true });
  if (!who.ok) return { ok: false, lost: 'inactive' };
  if (role === 'office' && !who.actor.isOffice) return { ok: false, lost: 'office_role_removed' };
  if (role === 'unit' && !who.actor.contactOnly) return { ok: false, lost: 'unit_contact_changed' };
  return { ok: true, actor: who.actor };
}
