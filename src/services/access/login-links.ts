import type { Models } from '../../models';
import type { Roster } from '../roster';
import { hashToken, newToken, TOKEN_SHAPE } from './tokens';

/** One-time sign-in links: single use, short-lived, bound to a userid; only the token's hash is stored. */
export function createLoginLinks(d: {
  models: Models;
  roster: Roster;
  minutes: number;
  /** Who may sign in at all (undefined: nobody by that userid). */
  roleOf(userid: string): Promise<unknown>;
}) {
  const { ConsoleLoginToken } = d.models;
  return {
    /** A one-time link token for a person allowed to sign in; the raw token is returned once and never stored. */
    async issueLoginToken(userid: string, via: 'link' | 'demo', now: Date): Promise<string | undefined> {
      if (!(await d.roleOf(userid))) return undefined;
      const token = newToken();
      await ConsoleLoginToken.create({
        tokenHash: hashToken(token),
        userid,
        via,
        createdAt: now,
        expiresAt: new Date(now.getTime() + d.minutes * 60_000),
      });
      return token;
    },

    /** The confirm page's first look, without spending the link: the person a live, unspent link is for (named from the roster), or undefined. */
    async loginTokenOwner(token: string, now: Date): Promise<{ userid: string; name: string } | undefined> {
      if (!TOKEN_SHAPE.test(token)) return undefined;
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
      if (!TOKEN_SHAPE.test(token)) return undefined;
      const doc = await ConsoleLoginToken.findOneAndUpdate(
        { tokenHash: hashToken(token), usedAt: { $exists: false }, expiresAt: { $gt: now } },
        { $set: { usedAt: now } },
        { returnDocument: 'after' },
      ).lean();
      return doc?.userid;
    },
  };
}
