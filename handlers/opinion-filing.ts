import { type RunContext, defineCommand } from '../src/commands/types';
import { UserError } from '../src/errors';
import { t } from '../src/messages';
import type { Opinion, OpinionSource } from '../src/services/opinions';
import { toHalfWidth } from '../src/text/normalize';
import { shown } from '../src/text/group-safe';

const FILING_ARGS = { params: [{ kind: 'text', name: 'text', label: '内容 #类别' }] } as const;

/** Files the text as an opinion (origin ctx.msgId) and says so; 确认 uses it for a spoken draft. */
async function fileAndReply(
  ctx: RunContext<typeof FILING_ARGS, 'opinions'>,
  source: OpinionSource,
): Promise<{ code: string; reply: string; opinion: Opinion }> {
  const { opinion, pick, similar } = await ctx.services.opinions.file({
    text: ctx.params.text ?? '',
    source,
    actor: ctx.actor,
    msgId: ctx.msgId,
    via: ctx.via,
    now: ctx.now,
  });
  const tagNote = pick.unknownTag
    ? t('opinionUnknownTag', {
        tag: shown(pick.unknownTag, true),
        categories: Object.keys(ctx.config.categories).join('、'),
      })
    : undefined;
  const lines = [
    t('opinionFiled', {
      code: opinion.code,
      title: shown(opinion.title, true),
      source,
      category: opinion.category,
      how: pick.how,
      tagNote,
    }),
  ];
  if (similar.length) {
    lines.push(
      '',
      t('opinionSimilarHeader'),
      ...similar.map((s) => t('opinionSimilarLine', { code: s.code, title: shown(s.title, false) })),
    );
    lines.push(t('opinionSimilarFooter', { first: similar[0]!.code, code: opinion.code }));
  }
  return { code: opinion.code, reply: lines.join('\n'), opinion };
}

/** 建议/民意 then take the sender's waiting photos (sent one-to-one within 10 minutes, or with this message). */
async function fileWithPhotos(ctx: RunContext<typeof FILING_ARGS, 'opinions' | 'photos'>, source: OpinionSource) {
  const filed = await fileAndReply(ctx, source);
  const r = await ctx.services.photos.attachWaiting({ owner: ctx.actor.userid, opinion: filed.opinion, now: ctx.now });
  if (r.added === 0) return filed.reply;
  const note =
    r.left > 0
      ? t('photoAttachedSome', { count: r.added, left: r.left, max: ctx.services.photos.maxPerOpinion })
      : t('photoAttached', { count: r.added });
  return `${filed.reply}\n${note}`;
}

/** 建议 / 提建议 / 意见: a deputy's own opinion or suggestion. */
export const fileOpinionCommand = defineCommand({
  name: '建议',
  aliases: ['提建议', '意见'],
  role: 'deputy',
  summary: '提交意见建议（末尾可加 #类别）',
  example: '建议 村口路灯坏了三个月，请尽快维修 #公共交通',
  args: FILING_ARGS,
  uses: ['opinions', 'photos'],
  takesPhotos: true,
  run: (ctx) => fileWithPhotos(ctx, '代表'),
});

/** 民意 / 群众反映: an issue relayed from constituents. */
export const fileRelayedCommand = defineCommand({
  name: '民意',
  aliases: ['群众反映'],
  role: 'deputy',
  summary: '转达群众反映的问题',
  example: '民意 东村群众反映垃圾清运不及时，夏天气味大',
  args: FILING_ARGS,
  uses: ['opinions', 'photos'],
  takesPhotos: true,
  run: (ctx) => fileWithPhotos(ctx, '群众反映'),
});

/** 我的建议 [页码]: the sender's opinions, newest first. */
export const myOpinionsCommand = defineCommand({
  name: '我的建议',
  role: 'deputy',
  summary: '查看我提交的建议（每页10件，最新在前）',
  example: '我的建议 2',
  args: { params: [{ kind: 'text', name: 'page', label: '页码' }] },
  uses: ['opinions'],
  readOnly: true,
  async run(ctx) {
    const pageText = toHalfWidth(ctx.params.page ?? '')
      .replace(/^第|页$/g, '')
      .trim();
    if (pageText && !/^\d{1,4}$/.test(pageText)) return t('opinionMineBadPage');
    const page = Math.max(1, Number(pageText || '1'));
    const mine = await ctx.services.opinions.listMine(ctx.actor.userid, page, ctx.now);
    if (mine.total === 0) return t('opinionMineEmpty');
    const lines = [t('opinionMineHeader', { total: mine.total, page: mine.page, pages: mine.pages })];
    for (const o of mine.items)
      lines.push(
        t('opinionMineLine', { code: o.code, title: shown(o.title, true), status: o.status, days: o.daysOpen }),
      );
    if (mine.page < mine.pages) lines.push(t('opinionMineMore', { next: mine.page + 1 }));
    lines.push(t('opinionMineFooter'));
    return lines.join('\n');
  },
});

/** 确认: files the deputy's pending spoken opinion (a voice message the bot repeated back). */
export const confirmVoiceDraftCommand = defineCommand({
  name: '确认',
  role: 'deputy',
  summary: '把刚才的语音建议提交为意见建议（先单聊发一条语音）',
  example: '确认',
  uses: ['opinions', 'voiceDrafts'],
  async run(ctx) {
    const claim = await ctx.services.voiceDrafts.claim(ctx.actor.userid, ctx.msgId, ctx.now);
    if (claim.status === 'none') throw new UserError('voiceDraftNone');
    if (claim.status === 'expired') {
      throw new UserError('voiceDraftExpired', { minutes: ctx.services.voiceDrafts.draftMinutes });
    }
    if (claim.status === 'filed') {
      if (claim.code) throw new UserError('voiceDraftAlreadyFiled', { code: claim.code });
      throw new UserError('voiceDraftNone');
    }
    // The voice message's id is the opinion's origin: a second 确认 can never file it twice.
    const filed = await fileAndReply(
      { ...ctx, params: { text: claim.draft.text }, msgId: claim.draft.voiceMsgId, via: 'voice', invokedAs: '建议' },
      '代表',
    );
    await ctx.services.voiceDrafts.markFiled(ctx.actor.userid, ctx.msgId, filed.code);
    return filed.reply;
  },
});
