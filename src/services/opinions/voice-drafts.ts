import type { Models } from '../../models';

export interface VoiceDraft {
  text: string;
  voiceMsgId: string;
  expiresAt: Date;
  filedCode?: string;
}

export type DraftClaim =
  | { status: 'claimed'; draft: VoiceDraft }
  | { status: 'none' }
  | { status: 'expired' }
  | { status: 'filed'; code?: string };

/** Spoken opinions waiting for 确认: one per deputy, expiring by clock comparison (no TTL index). */
export function createVoiceDrafts(d: { models: Models; draftMs: number }) {
  const { VoiceDraft: Draft } = d.models;
  return {
    draftMinutes: Math.round(d.draftMs / 60_000),

    /** Keeps this voice message as the deputy's pending draft, replacing any earlier one. */
    async offer(userid: string, text: string, voiceMsgId: string, now: Date): Promise<void> {
      await Draft.replaceOne(
        { _id: userid },
        { _id: userid, text, voiceMsgId, createdAt: now, expiresAt: new Date(now.getTime() + d.draftMs) },
        { upsert: true },
      );
    },

    /**
     * Claims the pending draft for the 确认 message `confirmMsgId` (one guarded update). A redelivery
     * of the same 确认 claims it again, so a filing interrupted by a crash is finished, never doubled.
     */
    async claim(userid: string, confirmMsgId: string, now: Date): Promise<DraftClaim> {
      const doc = await Draft.findOneAndUpdate(
        { _id: userid, expiresAt: { $gt: now }, $or: [{ confirmMsgId: null }, { confirmMsgId }] },
        { $set: { confirmMsgId } },
        { returnDocument: 'after' },
      ).lean();
      if (doc)
        return {
          status: 'claimed',
          draft: {
            text: doc.text,
            voiceMsgId: doc.voiceMsgId,
            expiresAt: doc.expiresAt,
            filedCode: doc.filedCode ?? undefined,
          },
        };
      const seen = await Draft.findById(userid).lean();
      if (!seen) return { status: 'none' };
      if (seen.confirmMsgId) return { status: 'filed', code: seen.filedCode ?? undefined };
      return { status: 'expired' };
    },

    async markFiled(userid: string, confirmMsgId: string, code: string): Promise<void> {
      await Draft.updateOne({ _id: userid, confirmMsgId }, { $set: { filedCode: code } });
    },
  };
}

export type VoiceDrafts = ReturnType<typeof createVoiceDrafts>;
