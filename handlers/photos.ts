import { defineCommand } from '../src/commands/types';
import { t } from '../src/messages';

/** 附图 编号: the sender's waiting photos go onto one of their own opinions that is not closed yet. */
export const attachPhotosCommand = defineCommand({
  name: '附图',
  aliases: ['补图'],
  role: 'deputy',
  summary: '把刚发的照片附到自己的建议上（先单聊发照片，10 分钟内发送，每件最多 9 张）',
  example: '附图 YJ2026-001',
  args: { params: [{ kind: 'code', name: 'code', of: 'YJ' }] },
  uses: ['photos'],
  takesPhotos: true,
  async run(ctx) {
    const { code } = ctx.params;
    const r = await ctx.services.photos.attachTo({ owner: ctx.actor.userid, code, now: ctx.now });
    const line = t('photoAttachedTo', { count: r.added, code, total: r.total });
    if (r.left === 0) return line;
    return `${line}\n${t('photoAttachedSome', { count: r.added, left: r.left, max: ctx.services.photos.maxPerOpinion })}`;
  },
});
