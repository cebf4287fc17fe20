import { createHash, randomBytes } from 'node:crypto';
import type { Models } from '../../models';
import type { Actor, Roster } from '../roster';

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

/** sha256 (hex) of a secret token: what the database keeps instead of the token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** 32 random bytes, base64url: a sign-in link token, a session token, a CSRF token or an OAuth state. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
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
  const { ConsoleLoginToken, ConsoleSession } = d.models;
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

    /** A one-time link token for a person allowed to sign in; the raw token is returned once and never stored. */
    async issueLoginToken(userid: string, via: 'link' | 'demo', now: Date): Promise<string | undefined> {
      if (!(await roleOf(userid))) return undefined;
      const token = newToken();
      await ConsoleLoginToken.create({
        tokenHash: hashToken(token),
        userid,
        via,
        createdAt: now,
        expiresAt: new Date(now.getTime() + d.limits.loginLinkMinutes * 60_000),
      });
      return token;
    },

    /** The confirm page's first look, without spending the link: the person a live, unspent link is for (named from the roster), or undefined. */
    async loginTokenOwner(token: string, now: Date): Promise<{ userid: string; name: string } | undefined> {
      if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
      const found = await ConsoleLoginToken.findOne(
        { tokenHash: hashToken(token), usedAt: { $exists: false }, expiresAt: { $gt: now } },
        { userid: 1 },
      ).lean();
      if (!found) return undefined;
      const names = await d.roster.namesOf([found.userid]);
      return { userid: found.userid, name: names.get(found.userid) ?? found.userid };
    },

    /** Spends a link token: one guarded update, so of two concurrent uses exactly one gets the userid. */
    async redeemLoginToken(token: string, now: Date): Promise<string | undefined> {
      if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
      const doc = await ConsoleLoginToken.findOneAndUpdate(
        { tokenHash: hashToken(token), usedAt: { $exists: false }, expiresAt: { $gt: now } },
        { $set: { usedAt: now } },
        { returnDocument: 'after' },
      ).lean();
      return doc?.userid;
    },

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
      if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
      const s = await ConsoleSession.findOne({ tokenHash: hashToken(token) }).lean();
      if (
        !s ||
        s.revokedAt ||
        s.expiresAt.getTime() <= now.getTime() ||
        s.lastSeenAt.getTime() + idleMs <= now.getTime()
      )
        return undefined;
      let who = await d.roster.resolveActor(s.userid);
      // Revoked only on what is stored: this instance's roster copy may predate an appointment made elsewhere.
      if (who.ok && s.role === 'office' && !who.actor.isOffice)
        who = await d.roster.resolveActor(s.userid, { fresh: true });
      const lost = !who.ok
        ? 'inactive'
        : s.role === 'office' && !who.actor.isOffice
          ? 'office_role_removed'
          : s.role === 'unit' && !who.actor.contactOnly
            ? 'unit_contact_changed'
            : undefined;
      if (lost || !who.ok) {
        await ConsoleSession.updateOne(
          { _id: s._id, revokedAt: { $exists: false } },
          { $set: { revokedAt: now, revokedWhy: lost } },
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
