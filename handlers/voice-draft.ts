import type { Command } from '../src/commands/types';
import { UserError } from '../src/errors';
import { fileAndReply } from './opinion-filing';

/** 确认: files the deputy's pending spoken opinion (a voice message the bot repeated back). */
export const confirmVoiceDraftCommand: Command = {
  name: '确认',
  role: 'deputy',
  summary: '把刚才的语音建议提交为意见建议（先单聊发一条语音）',
  example: '确认',
  async run(ctx) {
    const { voiceDrafts } = ctx.services;
    const claim = await voiceDrafts.claim(ctx.actor.userid, ctx.msgId, ctx.now);
    if (claim.status === 'none') throw new UserError('voiceDraftNone');
    if (claim.status === 'expired') throw new UserError('voiceDraftExpired', { minutes: voiceDrafts.draftMinutes });
    if (claim.status === 'filed') {
      if (claim.code) throw new UserError('voiceDraftAlreadyFiled', { code: claim.code });
      throw new UserError('voiceDraftNone');
    }
    // The voice message's id is the opinion's origin: a second 确认 can never file it twice.
    const filed = await fileAndReply({ ...ctx, args: claim.draft.text, msgId: claim.draft.voiceMsgId, invokedAs: '建议' }, '代表');
    await voiceDrafts.markFiled(ctx.actor.userid, ctx.msgId, filed.code);
    return filed.reply;
  },
};
